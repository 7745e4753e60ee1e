package extract

import (
	"html"
	"regexp"
	"strings"

	"github.com/paralel/paralel/segment"
)

var (
	// A cue timing line: "00:01:02,500 --> 00:01:04,000" in SRT,
	// "01:02.500 --> 01:04.000 align:start" in WebVTT.
	cueTiming = regexp.MustCompile(`^\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}\s*-->\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}`)
	// Markup inside cue text: HTML-like tags (<i>, <c.yellow>, <v Anna>,
	// <00:01.000>) and the {\an8} override codes of SSA that SRT files carry.
	cueTag = regexp.MustCompile(`<[^>\n]*>|\{\\[^}\n]*\}`)
	// Ruby text, the reading printed above a word, is not part of the line.
	cueRuby = regexp.MustCompile(`(?s)<rt>.*?</rt>`)
)

// subtitleParagraphs reads SRT or WebVTT subtitles and joins the text of the
// cues into running text, so that a sentence spanning cues is read as one.
// Cue numbers, identifiers, timings, settings, tags and WebVTT's header,
// NOTE, STYLE and REGION blocks are dropped (and counted in rep.Dropped).
// Subtitles have no paragraphs: the whole text is one.
func subtitleParagraphs(text, format, lang string, rep *Report) ([]string, error) {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	var words []string
	for i, lines := range splitBlocks(text) {
		if format == VTT && (i == 0 && strings.HasPrefix(lines[0], "WEBVTT") || isVTTMeta(lines[0])) {
			rep.Dropped++
			continue
		}
		t := 0
		for t < len(lines) && t < 3 && !cueTiming.MatchString(lines[t]) {
			t++
		}
		if t == len(lines) || t == 3 {
			// Not a cue: a stray line between cues is kept as text.
			t = -1
		} else {
			rep.Dropped++ // the number and timing of one cue
		}
		for _, l := range lines[t+1:] {
			words = append(words, cueText(l, format)...)
		}
	}
	if len(words) == 0 {
		return nil, nil
	}
	joined := strings.Join(words, " ")
	if lang != "" {
		// Nor a break after the headline, which has no full stop: told by
		// the word that begins the lead (segment.HeadlineEnd), it becomes a
		// paragraph of its own.
		if sp, err := segment.NewSplitter(lang); err == nil {
			if k := sp.HeadlineEnd(joined); k > 0 {
				return []string{strings.TrimSpace(joined[:k]), joined[k:]}, nil
			}
		}
	}
	return []string{joined}, nil
}

// splitBlocks splits text at blank lines into blocks, each the lines
// between two blank lines.
func splitBlocks(text string) [][]string {
	var blocks [][]string
	var cur []string
	for l := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(l) == "" {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	return blocks
}

func isVTTMeta(first string) bool {
	for _, kw := range []string{"NOTE", "STYLE", "REGION"} {
		if first == kw || strings.HasPrefix(first, kw+" ") || strings.HasPrefix(first, kw+"\t") {
			return true
		}
	}
	return false
}

// cueText returns the words of one line of cue text, without markup.
func cueText(line, format string) []string {
	line = cueRuby.ReplaceAllString(line, "")
	line = cueTag.ReplaceAllString(line, "")
	if format == VTT || strings.Contains(line, "&") {
		line = html.UnescapeString(line)
	}
	// Directional marks that escapes like &lrm; leave are not text.
	line = strings.NewReplacer("\u200e", "", "\u200f", "", "\u00a0", " ").Replace(line)
	return strings.Fields(line)
}
