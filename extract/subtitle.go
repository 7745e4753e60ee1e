package extract

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"unicode"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/internal/ascii"
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

	// A timing line gone wrong, by hand or by a converter: an arrow, whole
	// or mangled ("-->", "- ->", "->", "=>", "—>", "→"), after a word that
	// is a time with its fraction of a second (with a character or two
	// mistyped, "00:00:0X,000") or before one.
	cueArrow  = regexp.MustCompile(`-\s?-?\s?>|[=–—]+\s?>|→`)
	looseTime = regexp.MustCompile(`^[0-9A-Za-z]{1,3}(?::[0-9A-Za-z]{1,3}){1,2}[,.][0-9A-Za-z]{1,4}$`)
)

// subtitleParagraphs reads SRT or WebVTT subtitles and joins the text of the
// cues into running text, so that a sentence spanning cues is read as one.
// Cue numbers, identifiers, timings, settings, tags and WebVTT's header,
// NOTE, STYLE and REGION blocks are dropped (and counted in rep.Dropped).
// A cue whose timing line is broken loses its number and timing too, with
// a warning in rep.Warnings naming the line. Subtitles have no paragraphs:
// the whole text is one.
func subtitleParagraphs(text, format, lang string, rep *Report) ([]string, error) {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	var words []string
	for i, b := range splitBlocks(text) {
		lines := b.lines
		if format == VTT && (i == 0 && strings.HasPrefix(lines[0], "WEBVTT") || isVTTMeta(lines[0])) {
			rep.Dropped++
			continue
		}
		t := 0
		for t < len(lines) && t < 3 && !cueTiming.MatchString(lines[t]) {
			t++
		}
		if t == len(lines) || t == 3 {
			// A cue whose timing is broken, or else not a cue (t is -1): a
			// stray line between cues is kept as text.
			t = brokenTiming(lines, format)
			if t >= 0 {
				rep.Warnings = append(rep.Warnings, &corpus.ParseError{Format: format, Line: b.line + t,
					Err: fmt.Errorf("cue timing not understood, left out with the cue's number: %q", corpus.Clip(lines[t], 80))})
			}
		}
		if t >= 0 {
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

// brokenTiming returns the index of the timing line of a block that opens
// as a cue does but whose timing is not one (see isBrokenTiming): its
// first line, or its second after a cue number (or in WebVTT an
// identifier of one word). It returns -1 for a block that does not open
// so, which is text: a line of text is never taken for a timing unless it
// stands where the timing of a cue would.
func brokenTiming(lines []string, format string) int {
	if isBrokenTiming(lines[0]) {
		return 0
	}
	id := strings.TrimSpace(lines[0])
	isID := ascii.IsDigits(id) || format == VTT && !strings.ContainsFunc(id, unicode.IsSpace) && !strings.Contains(id, "-->")
	if len(lines) > 1 && isID && isBrokenTiming(lines[1]) {
		return 1
	}
	return -1
}

// isBrokenTiming reports whether line looks like a cue timing: an arrow
// with a time on one side of it, and nothing but one word on the other.
func isBrokenTiming(line string) bool {
	loc := cueArrow.FindStringIndex(line)
	if loc == nil {
		return false
	}
	before := strings.Fields(line[:loc[0]])
	after := strings.Fields(line[loc[1]:])
	if len(before) > 1 {
		return false
	}
	return len(before) == 1 && looseTime.MatchString(before[0]) ||
		len(after) > 0 && looseTime.MatchString(after[0])
}

// A cueBlock is the lines between two blank lines, and the number of its
// first line, from 1.
type cueBlock struct {
	line  int
	lines []string
}

// splitBlocks splits text at blank lines into blocks.
func splitBlocks(text string) []cueBlock {
	var blocks []cueBlock
	var cur cueBlock
	n := 0
	for l := range strings.SplitSeq(text, "\n") {
		n++
		if strings.TrimSpace(l) == "" {
			if len(cur.lines) > 0 {
				blocks = append(blocks, cur)
				cur = cueBlock{}
			}
			continue
		}
		if len(cur.lines) == 0 {
			cur.line = n
		}
		cur.lines = append(cur.lines, l)
	}
	if len(cur.lines) > 0 {
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
