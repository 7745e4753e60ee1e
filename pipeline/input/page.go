package input

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/extract"
	"github.com/paralel/paralel/extract/langid"
	"github.com/paralel/paralel/segment"
)

// A Page is a document that holds a text and its translation, such as a
// web page that republishes an article with the original below it, read
// as two documents: the paragraphs of the text in each language, in order.
// Sentence offsets refer to the page's extracted text.
type Page struct {
	Src, Tgt *corpus.Document
	Report   *extract.Report
	// Other counts the paragraphs left out: in neither language, of
	// unknown language (menus, addresses, labels), or in a part of the
	// page that is not the text or its translation (another article, a
	// caption in the other language's part).
	Other int
}

// PageMinScore is the score below which the links of a page are left out
// unless the user says otherwise: a page holds text that translates
// nothing on it (teasers, captions, other articles), and the aligner links
// such text only with little confidence.
const PageMinScore = 0.5

// shortWords is the length, in words, up to which a paragraph in one
// language inside a part in the other (a caption, a teaser) does not end
// that part.
const shortWords = 25

// ReadPage reads the page at path (see Open) and splits it by the language
// of each paragraph into its srcLang and tgtLang parts; opt.Lang is not
// used.
//
// A paragraph too short to tell (a name, a date) goes with its neighbours
// when both are in one language. The paragraphs of a language form parts
// of the page, which a short paragraph in the other language does not
// end. When one language has a part or two, as on a page that prints the
// original below its translation, the part of each language kept is the
// one that aligns best with the other's: other articles of the page in
// either language are left out.
func ReadPage(path string, opt Options, srcLang, tgtLang string) (*Page, error) {
	if !langid.CanTell(srcLang, tgtLang) {
		return nil, fmt.Errorf("%s: cannot tell %s from %s paragraphs: there is no language data for them and they share a script", corpus.InputName(path), srcLang, tgtLang)
	}
	opt.Lang = ""
	t, err := Open(path, opt)
	if err != nil {
		return nil, err
	}
	defer t.Close()
	page, err := t.page(srcLang, tgtLang)
	if err != nil {
		return nil, err
	}
	return page, nil
}

// paragraph is a paragraph of a page, with its language and sentences.
type paragraph struct {
	corpus.Paragraph
	lang      string
	sentences []corpus.Sentence // offsets in the page
	// label is a short line that ends in a colon, such as "Also read:"
	// or "Original (Albanian):": it introduces a new part of the page.
	label bool
	// aside is a short paragraph that starts with a label of a word or two,
	// such as a caption ("Photo: ...") or a teaser ("Related: ..."); inside
	// a part it is not part of the text.
	aside bool
	// repeated is a paragraph that the page prints more than once.
	repeated bool
}

var (
	labelLine  = regexp.MustCompile(`^\S+(?:\s+\S+){0,4}:$`)
	asideStart = regexp.MustCompile(`^\S+(?:\s+\S+)?:\s`)
)

func (t *Text) page(srcLang, tgtLang string) (*Page, error) {
	name := t.ReadOptions.Name
	ro := t.ReadOptions
	if ro.Mode == corpus.Presplit {
		ro.Mode = corpus.Lines
	}
	read, err := corpus.ReadAll(corpus.NewParagraphReader(t, ro).Read)
	if err != nil {
		return nil, err
	}
	paras := make([]paragraph, len(read))
	langs := make([]string, len(read))
	for i, p := range read {
		paras[i].Paragraph = p
		text := strings.TrimSpace(p.Text)
		paras[i].label = labelLine.MatchString(text)
		paras[i].aside = asideStart.MatchString(text) && len(strings.Fields(text)) <= shortWords
		langs[i] = langid.Identify(p.Text, srcLang, tgtLang)
	}
	// A paragraph printed twice or more on a page is its furniture: the
	// title of a post repeated in the breadcrumb, the sidebar and the
	// related links. So is a link title that the page prints against
	// different teasers.
	texts := make([]string, len(read))
	titles := make([]string, len(read))
	seenText, seenTitle := map[string]int{}, map[string]int{}
	for i, p := range read {
		texts[i] = strings.Join(strings.Fields(p.Text), " ")
		seenText[texts[i]]++
		if titles[i] = gluedTitle(p.Text); titles[i] != "" {
			seenTitle[titles[i]]++
		}
	}
	var furniture []string
	for i := range read {
		if seenText[texts[i]] > 1 || seenTitle[titles[i]] > 1 {
			langs[i] = ""
			paras[i].repeated = true
			furniture = append(furniture, texts[i], titles[i])
		}
	}
	for i := range markRestated(paras, texts, furniture) {
		langs[i] = ""
	}
	splitters := map[string]*segment.Splitter{}
	for _, l := range []string{srcLang, tgtLang} {
		if splitters[l], err = segment.NewSplitter(l); err != nil {
			return nil, err
		}
	}
	split := func(i int) {
		paras[i].sentences = nil
		if split := splitters[langs[i]]; split != nil {
			for _, s := range split.Split(paras[i].Text) {
				s.Start += paras[i].Start
				s.End += paras[i].Start
				paras[i].sentences = append(paras[i].sentences, s)
			}
		}
	}
	for i := range paras {
		split(i)
	}
	for i := range markExcerpts(paras) {
		langs[i] = ""
	}
	fillUnknown(langs)
	for i := range paras {
		if paras[i].lang = langs[i]; paras[i].sentences == nil {
			split(i)
		}
	}

	src, tgt := parts(paras, srcLang), parts(paras, tgtLang)
	if len(src) > 0 && len(tgt) > 0 && (len(src) <= 2 || len(tgt) <= 2) {
		// One text and its translation, among other things: keep the
		// parts that translate each other.
		longest := func(ps []part) part {
			return slices.MaxFunc(ps, func(a, b part) int { return a.size(paras) - b.size(paras) })
		}
		var s, g part
		if len(src) <= len(tgt) {
			s = longest(src)
			g = bestMatch(paras, s, tgt)
			s = bestMatch(paras, g, src)
		} else {
			g = longest(tgt)
			s = bestMatch(paras, g, src)
			g = bestMatch(paras, s, tgt)
		}
		src, tgt = []part{s}, []part{g}
	}
	page := &Page{Report: t.Report,
		Src: document(name, srcLang, paras, src),
		Tgt: document(name, tgtLang, paras, tgt)}
	kept := 0
	for _, ps := range [][]part{src, tgt} {
		for _, p := range ps {
			for i := p.from; i < p.to; i++ {
				if p.keeps(paras, i) {
					kept++
				}
			}
		}
	}
	page.Other = len(paras) - kept
	t.Report.Paragraphs = kept
	if len(page.Src.Sentences) == 0 || len(page.Tgt.Sentences) == 0 {
		missing := srcLang
		if len(page.Src.Sentences) > 0 {
			missing = tgtLang
		}
		return page, fmt.Errorf("%s: found no %s paragraph on the page", name, missing)
	}
	if err := t.Commit(); err != nil {
		return nil, err
	}
	return page, nil
}

// A part is a stretch of a page, paragraphs from up to to, written in
// lang but for short paragraphs of another language.
type part struct {
	lang     string
	from, to int
}

// size is the length of the part's own text, in bytes.
func (p part) size(paras []paragraph) int {
	n := 0
	for i := p.from; i < p.to; i++ {
		if paras[i].lang == p.lang {
			n += len(paras[i].Text)
		}
	}
	return n
}

// keeps reports whether the part keeps paragraph i as its text.
func (p part) keeps(paras []paragraph, i int) bool {
	q := paras[i]
	return q.lang == p.lang && len(q.sentences) > 0 && !q.label && !q.repeated && (!q.aside || i == p.from)
}

// sentences returns the sentences of the part in its language, numbered
// by paragraph from 0.
func (p part) sentences(paras []paragraph, dst []corpus.Sentence) []corpus.Sentence {
	para := 0
	if len(dst) > 0 {
		para = dst[len(dst)-1].Para + 1
	}
	for i := p.from; i < p.to; i++ {
		if !p.keeps(paras, i) {
			continue
		}
		for _, s := range paras[i].sentences {
			s.Para = para
			dst = append(dst, s)
		}
		para++
	}
	return dst
}

// parts returns the parts of the page in lang: stretches that start and
// end with a paragraph in lang and hold no paragraph of another language
// longer than shortWords, and no label.
func parts(paras []paragraph, lang string) []part {
	var ps []part
	open := false
	for i, p := range paras {
		switch {
		case p.label:
			open = false
		case p.lang == lang:
			if !open {
				ps = append(ps, part{lang: lang, from: i})
				open = true
			}
			ps[len(ps)-1].to = i + 1
		case p.lang != "" && len(strings.Fields(p.Text)) > shortWords:
			open = false
		}
	}
	return ps
}

// bestMatch returns the candidate that shares the most anchors with the
// part given, relative to the anchors of both (their Dice coefficient):
// a translation has most of the names and numbers of its original, another
// article few of them.
func bestMatch(paras []paragraph, given part, candidates []part) part {
	a := given.anchors(paras)
	best, bestScore := candidates[0], -1.0
	for _, c := range candidates {
		b := c.anchors(paras)
		shared := 0
		for k := range b {
			if a[k] {
				shared++
			}
		}
		score := 0.0
		if len(a)+len(b) > 0 {
			score = 2 * float64(shared) / float64(len(a)+len(b))
		}
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	return best
}

// anchors returns the words of the part that a translation keeps: numbers
// and names (capitalised words not at the start of a sentence), lower
// case without diacritics and cut to five letters, so that Indonezi and
// Indonesia meet.
func (p part) anchors(paras []paragraph) map[string]bool {
	set := map[string]bool{}
	for i := p.from; i < p.to; i++ {
		if !p.keeps(paras, i) {
			continue
		}
		for _, s := range paras[i].sentences {
			for k, w := range letterRuns(s.Text) {
				r, _ := utf8.DecodeRuneInString(w)
				switch {
				case unicode.IsDigit(r):
					set[w] = true
				case k > 0 && unicode.IsUpper(r) && utf8.RuneCountInString(w) >= 3:
					set[foldPrefix(w, 5)] = true
				}
			}
		}
	}
	return set
}

// foldPrefix lower-cases w, strips its diacritics and keeps its first n
// letters.
func foldPrefix(w string, n int) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if n == 0 {
			break
		}
		b.WriteRune(unicode.ToLower(r))
		n--
	}
	return b.String()
}

func document(name, lang string, paras []paragraph, ps []part) *corpus.Document {
	doc := &corpus.Document{Name: name, Lang: lang}
	for _, p := range ps {
		doc.Sentences = p.sentences(paras, doc.Sentences)
	}
	return doc
}

// markExcerpts marks as repeated the paragraphs that quote the page: two
// sentences or more of theirs stand in two other paragraphs or more, as
// in a teaser that strings together bits of the article. It returns them.
func markExcerpts(paras []paragraph) map[int]bool {
	where := map[string]map[int]bool{} // sentence → paragraphs that hold it
	for i, p := range paras {
		for _, s := range p.sentences {
			if len(s.Text) < 20 {
				continue
			}
			if where[s.Text] == nil {
				where[s.Text] = map[int]bool{}
			}
			where[s.Text][i] = true
		}
	}
	marked := map[int]bool{}
	for i, p := range paras {
		quoted, from := 0, map[int]bool{}
		for _, s := range p.sentences {
			if len(where[s.Text]) < 2 {
				continue
			}
			quoted++
			for j := range where[s.Text] {
				if j != i {
					from[j] = true
				}
			}
		}
		if quoted >= 2 && len(from) >= 2 {
			paras[i].repeated = true
			marked[i] = true
		}
	}
	return marked
}

// restateWords is the fewest words, of three letters or more, that a
// title must have for its rewordings to be told.
const restateWords = 4

// commonHolding is the number of furniture texts beyond which a word is
// too common to count towards a rewording ("the" on a page of many
// links): it bounds the work on a page of thousands of repeated lines.
const commonHolding = 64

// markRestated marks as repeated the short paragraphs that restate, in
// other words, a text that the page prints twice or more (furniture): each
// has three quarters or more of the other's words. A republisher prints its
// own title of a post in the breadcrumb, the sidebar and the related
// links, and once more, reworded, as the headline above the text it
// republishes: a headline of its own, not the translation of the
// original's. It returns the paragraphs marked.
func markRestated(paras []paragraph, texts, furniture []string) map[int]bool {
	// An index from each word to the furniture texts that hold it.
	var sets []int // word count of each distinct furniture text
	holding := map[string][]int{}
	seen := map[string]bool{}
	for _, f := range furniture {
		if seen[f] {
			continue
		}
		seen[f] = true
		words := titleWords(f)
		if len(words) < restateWords {
			continue
		}
		for w := range words {
			holding[w] = append(holding[w], len(sets))
		}
		sets = append(sets, len(words))
	}
	marked := map[int]bool{}
	if len(sets) == 0 {
		return marked
	}
	for i := range paras {
		if paras[i].repeated || len(strings.Fields(texts[i])) > shortWords {
			continue
		}
		words := titleWords(texts[i])
		if len(words) < restateWords {
			continue
		}
		shared := map[int]int{}
		for w := range words {
			if len(holding[w]) > commonHolding {
				continue
			}
			for _, f := range holding[w] {
				shared[f]++
			}
		}
		for f, n := range shared {
			if 4*n >= 3*len(words) && 4*n >= 3*sets[f] {
				paras[i].repeated = true
				marked[i] = true
				break
			}
		}
	}
	return marked
}

// letterRuns returns the words of text as anchors and titleWords count
// them: the runs of letters and digits, whatever stands between.
func letterRuns(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// titleWords returns the set of the words of text of three letters or
// more, in lower case.
func titleWords(text string) map[string]bool {
	set := map[string]bool{}
	for _, w := range letterRuns(text) {
		if utf8.RuneCountInString(w) >= 3 {
			set[strings.ToLower(w)] = true
		}
	}
	return set
}

// gluedTitle returns the words of text up to a word that joins two without
// a space, a lower-case letter before a capital ("IssueMEK"): the text of
// a page has it where a link title stands against its teaser. It returns ""
// when the first 20 words hold no such join after 3 words or more.
func gluedTitle(text string) string {
	words := strings.Fields(text)
	for i, w := range words[:min(len(words), 20)] {
		var prev rune
		for k, r := range w {
			if k > 0 && unicode.IsLower(prev) && unicode.IsUpper(r) {
				if i < 2 {
					return ""
				}
				return strings.Join(append(words[:i:i], w[:k]), " ")
			}
			prev = r
		}
	}
	return ""
}

// fillUnknown gives a paragraph of unknown language ("") the language of
// its nearest known neighbours when they agree.
func fillUnknown(langs []string) {
	prev := ""
	for i := 0; i < len(langs); {
		if langs[i] != "" {
			prev = langs[i]
			i++
			continue
		}
		j := i
		for j < len(langs) && langs[j] == "" {
			j++
		}
		if prev != "" && j < len(langs) && langs[j] == prev {
			for k := i; k < j; k++ {
				langs[k] = prev
			}
		}
		i = j
	}
}
