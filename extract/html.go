package extract

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// MaxDepth is how deeply HTML elements may nest. Real pages stay far
// below it; a page nested deeper is refused rather than walked.
const MaxDepth = 512

// htmlParagraphs extracts the main content of a web page: the headline and
// the body paragraphs in order, without menus, banners, share buttons,
// comments, link lists, ads and scripts. Blocks that are boilerplate by
// their element, the usual words of their class or as ad slots
// (pruneBoilerplate) and blocks of links (pruneLinkLists) go first, then
// all but the article where the page marks one (keepArticle), so that a
// template whose classes say nothing loses its furniture too;
// go-readability then picks the article among what is left; the
// paragraphs are those of its blocks (paragraphs, headings, list items,
// captions, a double <br>).
func htmlParagraphs(data []byte, opt Options, rep *Report) ([]string, error) {
	doc, err := parseHTML(data, opt, rep)
	if err != nil {
		return nil, err
	}
	if d := depth(doc); d > MaxDepth {
		return nil, fmt.Errorf("%w: elements nested %d deep (at most %d)", ErrTooDeep, d, MaxDepth)
	}
	all := len(paragraphs(bodyOf(doc)))
	headline := firstText(doc, atom.H1)
	pruneBoilerplate(doc)
	pruneLinkLists(doc)
	keepArticle(doc)
	markBreaks(doc)
	article, err := readability.FromDocument(doc, nil)
	if err != nil || article.Node == nil {
		return nil, fmt.Errorf("%w: no main text on the page", ErrNoText)
	}
	paras := paragraphs(article.Node)
	if !slices.ContainsFunc(paras, func(p string) bool { return len(strings.Fields(p)) >= 4 }) {
		// What is left of a page of menus and links only.
		return nil, fmt.Errorf("%w: no main text on the page", ErrNoText)
	}
	// Readability keeps the title apart from the content; the headline
	// as the page shows it opens the text, unless the content has it.
	if headline != "" && !slices.Contains(paras, headline) {
		paras = append([]string{headline}, paras...)
	}
	rep.Dropped = max(0, all-len(paras))
	return paras, nil
}

// parseHTML decodes the page by its byte order mark, <meta charset> or
// content (or opt.Encoding) and parses it.
func parseHTML(data []byte, opt Options, rep *Report) (*html.Node, error) {
	var text []byte
	if opt.Encoding != "" || isUTF16(data) {
		s, name, err := decodeAll(data, opt)
		if err != nil {
			return nil, err
		}
		text, rep.Encoding = []byte(s), name
	} else {
		enc, name, _ := charset.DetermineEncoding(data[:min(len(data), 1024)], "text/html")
		if name == "windows-1252" && !looksSingleByte(data[:min(len(data), sniffSize)]) {
			// Nothing declared, and the bytes are UTF-8.
			enc, name = nil, "utf-8"
		}
		rep.Encoding = name
		text = data
		if enc != nil && name != "utf-8" {
			var err error
			if text, err = enc.NewDecoder().Bytes(data); err != nil {
				return nil, fmt.Errorf("decoding %s: %w", name, err)
			}
		}
	}
	// As a browser does, a byte that is not UTF-8 shows as U+FFFD.
	return html.Parse(bytes.NewReader(bytes.ToValidUTF8(text, []byte("\uFFFD"))))
}

// paraMark stands for a paragraph break made by two <br> or more in a
// row, which the extractor may make one: a character of the private use
// area, which no page has.
const paraMark = "\uE000"

// markBreaks replaces each run of two <br> elements or more (with only
// white space between them) by paraMark.
func markBreaks(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Br {
			markBreaks(c)
			continue
		}
		brs, last := 1, c
		for s := c.NextSibling; s != nil; s = s.NextSibling {
			if s.Type == html.ElementNode && s.DataAtom == atom.Br {
				brs, last = brs+1, s
			} else if s.Type != html.TextNode || strings.TrimSpace(s.Data) != "" {
				break
			}
		}
		if brs < 2 {
			continue
		}
		mark := &html.Node{Type: html.TextNode, Data: " " + paraMark + " "}
		n.InsertBefore(mark, c)
		for s := c; ; {
			next := s.NextSibling
			n.RemoveChild(s)
			if s == last {
				break
			}
			s = next
		}
		c = mark
	}
}

// depth returns how deeply the elements of n nest, without recursion.
func depth(n *html.Node) int {
	deepest, d := 0, 0
	for c := n; c != nil; {
		if c.FirstChild != nil {
			c, d = c.FirstChild, d+1
			deepest = max(deepest, d)
			continue
		}
		for c != n && c.NextSibling == nil {
			c, d = c.Parent, d-1
		}
		if c == n {
			break
		}
		c = c.NextSibling
	}
	return deepest
}

func bodyOf(doc *html.Node) *html.Node {
	if b := find(doc, atom.Body); b != nil {
		return b
	}
	return doc
}

// find returns the first element of type a under n, in document order.
func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

func firstText(doc *html.Node, a atom.Atom) string {
	if n := find(doc, a); n != nil {
		return oneLine(textOf(n))
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && skipped[n.DataAtom] {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// boilerplateClass matches the class or id of an element that holds no
// article text: the words pages use for ads, cookie banners, comments,
// share buttons, bylines and dates, tags, related links and the like.
var boilerplateClass = regexp.MustCompile(`(?i)(?:^|[-_\s])(?:ads?|advert\w*|sponsor\w*|promo\w*|banner|cookies?|consent|gdpr|comments?|comment-\w+|respond|disqus|share|sharing|social|byline|author|meta|date|time|tags?|related|newsletter|subscribe|breadcrumbs?|sidebar|widget|popup|modal)(?:[-_\s]|$)`)

// boilerplateTag is the elements that hold no article text.
var boilerplateTag = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Form: true,
	atom.Time: true, atom.Button: true,
}

// pruneBoilerplate removes the elements that boilerplateTag or
// boilerplateClass name and the ad slots (isAdSlot), but never the body or
// an article.
func pruneBoilerplate(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && isBoilerplate(c) {
			n.RemoveChild(c)
		} else {
			pruneBoilerplate(c)
		}
		c = next
	}
}

func isBoilerplate(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Article, atom.Main:
		return false
	}
	if boilerplateTag[n.DataAtom] || isAdSlot(n) {
		return true
	}
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id") && boilerplateClass.MatchString(a.Val) {
			return true
		}
	}
	return false
}

// keepArticle leaves the body of doc nothing but the page's article when
// the page marks it: one <article> element that no other holds, or else
// one <main>, that holds the headline (the first <h1>) or half the text
// of the body at least, not a teaser in a side column. What a template
// puts around its article (a cookie notice, comments, teasers of other
// articles) is then gone, whatever its classes say; a page that marks
// several articles, or none, is left whole for readability to choose from.
func keepArticle(doc *html.Node) {
	body := bodyOf(doc)
	h1 := find(body, atom.H1)
	for _, a := range []atom.Atom{atom.Article, atom.Main} {
		var found []*html.Node
		outermost(body, a, &found)
		if len(found) != 1 {
			continue
		}
		art := found[0]
		if art == body || !holds(art, h1) && 2*len(strings.Fields(textOf(art))) < len(strings.Fields(textOf(body))) {
			return
		}
		art.Parent.RemoveChild(art)
		for c := body.FirstChild; c != nil; c = body.FirstChild {
			body.RemoveChild(c)
		}
		body.AppendChild(art)
		return
	}
}

// holds reports whether n is d or one of d's ancestors; d may be nil.
func holds(n, d *html.Node) bool {
	for ; d != nil; d = d.Parent {
		if d == n {
			return true
		}
	}
	return false
}

// outermost appends to found the elements of type a under n that no other
// such element holds.
func outermost(n *html.Node, a atom.Atom, found *[]*html.Node) {
	if n.Type == html.ElementNode && n.DataAtom == a {
		*found = append(*found, n)
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		outermost(c, a, found)
	}
}

// adSlotWords is the most words an ad slot's label has ("Advertisement",
// "Reklamë", "Sponsored content").
const adSlotWords = 3

// isAdSlot reports whether n is an ad slot, whatever its class: a block
// that holds an <ins> or <iframe>, the elements ad networks fill, or a
// script that fills it, and at most adSlotWords words, its label.
func isAdSlot(n *html.Node) bool {
	if !container[n.DataAtom] && n.DataAtom != atom.P && n.DataAtom != atom.Span {
		return false
	}
	filled, words := false, 0
	// The walk stops at the first word too many: a block of text is left
	// at once, and pruning stays linear in the page.
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		switch {
		case c.Type == html.TextNode:
			words += len(strings.Fields(c.Data))
		case c.Type == html.ElementNode && (c.DataAtom == atom.Ins || c.DataAtom == atom.Iframe || c.DataAtom == atom.Script):
			filled = true
			return
		}
		for d := c.FirstChild; d != nil && words <= adSlotWords; d = d.NextSibling {
			walk(d)
		}
	}
	walk(n)
	return filled && words <= adSlotWords
}

// pruneLinkLists removes the blocks that are mostly links, with their
// labels: "read also" boxes, lists of related articles, tag clouds,
// menus, whatever their class says. An extractor drops the links of
// such a block but may keep its label ("Read also:") as a paragraph.
func pruneLinkLists(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && container[c.DataAtom] {
			if isLinkList(c) {
				n.RemoveChild(c)
			} else {
				pruneLinkLists(c)
			}
		} else if c.Type == html.ElementNode {
			pruneLinkLists(c)
		}
		c = next
	}
}

// isLinkList reports whether n holds two links or more and most of its
// text is theirs, or all of it but a label ("Tags:", "Lexo edhe:").
func isLinkList(n *html.Node) bool {
	links, linkText, text := 0, 0, 0
	// The text outside the links, if a label: a word or two and a colon
	// ("Tags:", "Lexo edhe:"). Past two words it is none, and no longer
	// looked at.
	labelWords, colon := 0, false
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inLink bool) {
		switch n.Type {
		case html.TextNode:
			l := len(strings.TrimSpace(n.Data))
			text += l
			if inLink {
				linkText += l
			} else if labelWords <= 2 {
				labelWords += len(wordsOf(n.Data))
				colon = colon || strings.Contains(n.Data, ":")
			}
		case html.ElementNode:
			if skipped[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.A {
				links++
				inLink = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	return links >= 2 && (linkText*10 >= text*8 || labelWords >= 1 && labelWords <= 2 && colon)
}

// container is the elements that group blocks, which pruneLinkLists may
// remove whole.
var container = map[atom.Atom]bool{
	atom.Div: true, atom.Aside: true, atom.Section: true, atom.Nav: true,
	atom.Ul: true, atom.Ol: true, atom.Table: true, atom.Footer: true, atom.Header: true,
}

// skipped is the elements whose content is not text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Select: true, atom.Textarea: true, atom.Button: true,
}

// block is the elements that start and end a paragraph.
var block = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Dt: true,
	atom.Dd: true, atom.Figcaption: true, atom.Figure: true, atom.Caption: true,
	atom.Blockquote: true, atom.Pre: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Main: true, atom.Aside: true, atom.Nav: true, atom.Hr: true,
	atom.Address: true, atom.Form: true, atom.Fieldset: true, atom.Legend: true,
	atom.Details: true, atom.Summary: true, atom.Body: true, atom.Html: true,
}

// paragraphs returns the text of the blocks under n, a paragraph each, in
// document order. A single <br> is a space; two in a row end a paragraph.
func paragraphs(n *html.Node) []string {
	var out []string
	var cur strings.Builder
	brs := 0 // <br>s since the last text
	flush := func() {
		for p := range strings.SplitSeq(cur.String(), paraMark) {
			if s := oneLine(p); s != "" {
				out = append(out, s)
			}
		}
		cur.Reset()
		brs = 0
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == 0 {
			// Elements made by name only, as readability makes them.
			n.DataAtom = atom.Lookup([]byte(n.Data))
		}
		switch n.Type {
		case html.TextNode:
			if strings.TrimSpace(n.Data) != "" {
				brs = 0
			}
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipped[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.Br {
				brs++
				if brs == 2 {
					flush()
				} else {
					cur.WriteByte(' ')
				}
				return
			}
		}
		isBlock := n.Type == html.ElementNode && block[n.DataAtom]
		if isBlock {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if isBlock {
			flush()
		}
	}
	walk(n)
	flush()
	return out
}
