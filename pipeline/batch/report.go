package batch

import (
	"fmt"
	"strings"

	"github.com/paralel/paralel/internal/english"
)

// Report describes the run for its user, one line a fact: the documents,
// sentences and links, what the filters dropped, then a line for each
// warning and each failed document, naming it.
func (s *Summary) Report() []string {
	docs := fmt.Sprintf("aligned %d of %d %s", s.Aligned, s.Docs, english.Plural(s.Docs, "document"))
	if n := len(s.Failed); n > 0 {
		docs += fmt.Sprintf(" (%d failed)", n)
	}
	lines := []string{
		docs + fmt.Sprintf(": %d source and %d target sentences", s.SrcSentences, s.TgtSentences),
		fmt.Sprintf("%d %s, %d doubtful (%s, scored under %g); %d %s kept",
			s.Links, english.Plural(s.Links, "link"), s.Doubtful, percent(s.Doubtful, s.Links), s.Threshold,
			s.Kept, english.Plural(s.Kept, "pair")),
	}
	if d := s.Dropped.String(); d != "" {
		lines = append(lines, d)
	}
	for _, w := range s.Warnings {
		lines = append(lines, "warning: "+w.String())
	}
	for _, e := range s.Failed {
		lines = append(lines, "failed: "+e.Error())
	}
	return lines
}

// String is the Report as one text.
func (s *Summary) String() string { return strings.Join(s.Report(), "\n") }

func percent(n, of int) string {
	if of == 0 {
		return "0%"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(of))
}
