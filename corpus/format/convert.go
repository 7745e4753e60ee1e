package format

import (
	"cmp"
	"context"
	"fmt"
	"io"

	"github.com/paralel/paralel/corpus"
)

// Stats counts what a conversion did.
type Stats struct {
	Read    int            // pairs read
	Written int            // pairs written
	Dropped corpus.Dropped // pairs the filters left out
	Skipped int            // TMX units without both languages, skipped with a warning
	// SrcLang and TgtLang are the languages of the output.
	SrcLang, TgtLang string
	// Files are the files written (two for Moses).
	Files []string
}

// Convert reads every pair of the file inPath in format inName and writes
// them to outPath in format outName, through the filters of opt. An ids
// file, which has no text, converts only to the link formats (jsonl, ids). The
// output is written atomically: on any error, or when ctx is cancelled,
// no output file is left.
//
// The output's languages are opt's when given, otherwise those the input
// names (a TMX, a TSV header, JSON lines), otherwise "sq" and "en"; for a
// multilingual TMX, opt's languages choose the pair.
func Convert(ctx context.Context, inName, inPath, outName, outPath string, opt Options) (Stats, error) {
	var st Stats
	if err := checkText(inName, inPath, outName); err != nil {
		return st, err
	}
	in, err := Open(inName, inPath, opt)
	if err != nil {
		return st, err
	}
	defer in.Close()

	// The output's header needs the languages, which a TMX reveals in its
	// first unit: read it before creating the output.
	first, err := in.Read()
	if err != nil && err != io.EOF {
		return st, fmt.Errorf("%s: %w", inPath, err)
	}
	empty := err == io.EOF
	outOpt := opt
	src, tgt := in.Langs()
	outOpt.SrcLang, outOpt.TgtLang = cmp.Or(opt.SrcLang, src), cmp.Or(opt.TgtLang, tgt)
	if outOpt.SrcLang, err = corpus.LangTag(outOpt.SrcLang); err != nil {
		return st, err
	}
	if outOpt.TgtLang, err = corpus.LangTag(outOpt.TgtLang); err != nil {
		return st, err
	}
	st.SrcLang, st.TgtLang = outOpt.SrcLang, outOpt.TgtLang

	out, err := CreateContext(ctx, outName, outPath, outOpt)
	if err != nil {
		return st, err
	}
	defer out.Close()
	for p := first; !empty; {
		st.Read++
		if err := out.Write(p); err != nil {
			return st, err
		}
		p, err = in.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return st, fmt.Errorf("%s: %w", inPath, err)
		}
	}
	if err := out.Commit(); err != nil {
		return st, err
	}
	st.Dropped = out.Dropped()
	st.Written = st.Read - st.Dropped.Total()
	st.Skipped = in.Skipped()
	st.Files = out.Names()
	return st, nil
}

// checkText refuses to convert a format without text (ids) to one of
// translations, which would be left empty.
func checkText(inName, inPath, outName string) error {
	in, err := lookup(inName)
	if err != nil || !in.noText {
		return nil // Open says what is wrong with the name
	}
	if out, err := lookup(outName); err == nil && !out.links {
		return fmt.Errorf("%s: an %s file holds sentence numbers, not text: there is none to write as %s (align the texts again to write it, or convert the links to jsonl)",
			corpus.InputName(inPath), inName, outName)
	}
	return nil
}
