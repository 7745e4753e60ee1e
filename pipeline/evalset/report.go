package evalset

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
)

// ConfidenceShare is the fraction of links, lowest scores first, that the
// report checks for wrong links: what a reviewer reading from the bottom
// would look at first.
const ConfidenceShare = 0.10

// WriteReport writes the figures of an evaluation as a table: strict and
// lax precision, recall and F1 for each kind of input, with the numbers of
// documents and links they come from, then how many of the wrong links the
// lowest scores single out. With perDoc, every document gets a line too.
func (res *Result) WriteReport(out io.Writer, perDoc bool) error {
	var w bytes.Buffer
	const table = "%-10s  %-6s  %4s  %5s  %5s  %9s  %6s  %6s\n"
	fmt.Fprintf(&w, table, "", "", "docs", "links", "gold", "precision", "recall", "F1")
	row := func(name string, r *Run) {
		if r == nil {
			return
		}
		s, l := r.Counts.Strict(), r.Counts.Lax()
		fmt.Fprintf(&w, table, name, "strict", strconv.Itoa(len(r.Docs)), strconv.Itoa(r.Counts.Pred), strconv.Itoa(r.Counts.Gold),
			f4(s.Precision), f4(s.Recall), f4(s.F1))
		fmt.Fprintf(&w, table, "", "lax", "", "", "", f4(l.Precision), f4(l.Recall), f4(l.F1))
	}
	row("pre-split", res.Presplit)
	row("end to end", res.EndToEnd)
	if r := res.EndToEnd; r != nil && r.Counts.Unmapped > 0 {
		fmt.Fprintf(&w, "end to end: %d predicted text(s) not found in the gold lines\n", r.Counts.Unmapped)
	}
	if r := res.Presplit; r != nil {
		found, wrong := r.WrongInLowest(ConfidenceShare)
		if wrong > 0 {
			fmt.Fprintf(&w, "confidence: the %.0f%% lowest-scored links hold %d of the %d wrong links (%.0f%%)\n",
				100*ConfidenceShare, found, wrong, 100*float64(found)/float64(wrong))
		}
	}
	if perDoc {
		res.writeDocs(&w)
	}
	_, err := out.Write(w.Bytes())
	return err
}

func (res *Result) writeDocs(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\ndocument\tinput\tlinks\tgold\tstrict F1\tlax F1")
	for _, run := range []struct {
		name string
		r    *Run
	}{{"pre-split", res.Presplit}, {"end to end", res.EndToEnd}} {
		if run.r == nil {
			continue
		}
		for _, d := range run.r.Docs {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.4f\t%.4f\n", d.Name, run.name, d.Counts.Pred, d.Counts.Gold, d.Counts.Strict().F1, d.Counts.Lax().F1)
		}
	}
	tw.Flush()
}

func f4(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }
