package format

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/paralel/paralel/corpus"
)

// FileWriter writes pairs to a file, or two for Moses, that appears only
// when Commit succeeds.
type FileWriter struct {
	Writer
	files []Output
	ctx   context.Context
}

// An Output is a file being written, which appears only when committed (a
// corpus.File), or the standard output, written through.
type Output interface {
	io.Writer
	Name() string
	Commit() error
	Close() error
}

// stdout is the standard output as an Output: written directly, with
// nothing to commit or discard.
type stdout struct{ io.Writer }

func (stdout) Name() string  { return "-" }
func (stdout) Commit() error { return nil }
func (stdout) Close() error  { return nil }

// CreateOutput starts writing the file at path, or w for "-", for output
// that is not pairs (a pairing, a lexicon), as Create does for pairs.
// Commands create it before their long work, so that a path that is one
// of the inputs or cannot be written stops the run at once. Once ctx is
// cancelled (Ctrl+C), writing to the file and its Commit fail and the
// file is discarded. Defer Close, and Commit when all is written.
func CreateOutput(ctx context.Context, path string, w io.Writer, inputs ...string) (Output, error) {
	if path == "-" {
		return stdout{w}, nil
	}
	if err := corpus.CheckOutput(path, inputs...); err != nil {
		return nil, err
	}
	return corpus.CreateFileContext(ctx, path)
}

// Create starts writing the named format to path ("-" for Options.Stdout).
// Defer Close, and Commit when every pair is written.
func Create(name, path string, opt Options) (*FileWriter, error) {
	return CreateContext(context.Background(), name, path, opt)
}

// CreateContext is Create for a run that ctx may cancel (Ctrl+C): once
// ctx is cancelled, Write and Commit fail with its error and the output
// is discarded, however much of it was written.
func CreateContext(ctx context.Context, name, path string, opt Options) (*FileWriter, error) {
	s, paths, err := locate(name, path, opt)
	if err != nil {
		return nil, err
	}
	if err := opt.checkFilters(); err != nil {
		return nil, err
	}
	// Every file is checked before any is created.
	for _, p := range paths {
		if err := corpus.CheckOutput(p, opt.Inputs...); err != nil {
			return nil, err
		}
	}
	fw := &FileWriter{ctx: ctx}
	ws := make([]io.Writer, len(paths))
	for i, p := range paths {
		f, err := CreateOutput(ctx, p, opt.stdout())
		if err != nil {
			fw.Close()
			return nil, err
		}
		fw.files = append(fw.files, f)
		ws[i] = f
	}
	fw.Writer = s.writer(ws, opt)
	return fw, nil
}

// Names are the paths of the files written, two for Moses.
func (w *FileWriter) Names() []string {
	names := make([]string, len(w.files))
	for i, f := range w.files {
		names[i] = f.Name()
	}
	return names
}

// Write writes p, unless the run is cancelled (the files check that too,
// but the standard output does not).
func (w *FileWriter) Write(p corpus.Pair) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	return w.Writer.Write(p)
}

// Commit ends the output and puts the files in place, unless the run is
// cancelled.
func (w *FileWriter) Commit() error {
	if err := w.ctx.Err(); err != nil {
		w.Close()
		return err
	}
	if err := w.Writer.Close(); err != nil {
		w.Close()
		return err
	}
	for _, f := range w.files {
		if err := f.Commit(); err != nil {
			w.Close()
			return err
		}
	}
	return nil
}

// Close discards the files unless they were committed.
func (w *FileWriter) Close() error {
	var errs []error
	for _, f := range w.files {
		errs = append(errs, f.Close())
	}
	return errors.Join(errs...)
}

// FileReader reads pairs from a file, or two for Moses.
type FileReader struct {
	Reader
	files []io.Closer
}

// Open opens path ("-" for Options.Stdin) to read the named format.
func Open(name, path string, opt Options) (*FileReader, error) {
	s, paths, err := locate(name, path, opt)
	if err != nil {
		return nil, err
	}
	fr := &FileReader{}
	rs := make([]io.Reader, len(paths))
	for i, p := range paths {
		if p == "-" {
			rs[i] = opt.stdin()
			continue
		}
		f, err := corpus.Open(p)
		if err != nil {
			fr.Close()
			return nil, err
		}
		fr.files = append(fr.files, f)
		rs[i] = f
	}
	fr.Reader = s.reader(rs, opt)
	return fr, nil
}

// Close closes the files.
func (r *FileReader) Close() error {
	var errs []error
	for _, f := range r.files {
		errs = append(errs, f.Close())
	}
	return errors.Join(errs...)
}

// Files are the files of the named format at path: path itself, or for
// Moses the two files of the corpus it names.
func Files(name, path string, opt Options) ([]string, error) {
	_, paths, err := locate(name, path, opt)
	return paths, err
}

// locate looks up the named format and gives the files it takes at path:
// path itself, or for Moses the two files of the corpus it names.
func locate(name, path string, opt Options) (spec, []string, error) {
	s, err := lookup(name)
	if err != nil {
		return spec{}, nil, err
	}
	if !s.twoFiles {
		return s, []string{path}, nil
	}
	if path == "-" {
		return spec{}, nil, ErrTwoFiles
	}
	return s, mosesPaths(path, opt), nil
}

// mosesPaths are the two files of the Moses corpus at path, which is
// either their common prefix or one of them.
func mosesPaths(path string, opt Options) []string {
	src, tgt := opt.langs()
	for _, l := range []string{src, tgt} {
		if p, ok := strings.CutSuffix(path, "."+l); ok && p != "" {
			path = p
			break
		}
	}
	return []string{fmt.Sprintf("%s.%s", path, src), fmt.Sprintf("%s.%s", path, tgt)}
}

// WritePairs writes pairs to path ("-" or empty for Options.Stdout) in the
// named format, or the one the path's extension names (TSV on the standard
// output), through the filters of opt. A file is written completely or not
// at all. The Stats say how many pairs were written and dropped.
func WritePairs(name, path string, pairs []corpus.Pair, opt Options) (Stats, error) {
	if path == "" {
		path = "-"
	}
	name, err := ResolveOutput(name, path)
	if err != nil {
		return Stats{}, err
	}
	w, err := Create(name, path, opt)
	if err != nil {
		return Stats{}, err
	}
	defer w.Close()
	for _, p := range pairs {
		if err := w.Write(p); err != nil {
			return Stats{}, err
		}
	}
	if err := w.Commit(); err != nil {
		return Stats{}, err
	}
	st := Stats{Read: len(pairs), Dropped: w.Dropped(), Files: w.Names()}
	st.Written = st.Read - st.Dropped.Total()
	st.SrcLang, st.TgtLang = opt.langs()
	return st, nil
}

// ReadPairs reads all the pairs of the file at path ("-" for
// Options.Stdin) in the named format: what WritePairs wrote, for example.
func ReadPairs(name, path string, opt Options) ([]corpus.Pair, error) {
	r, err := Open(name, path, opt)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return corpus.ReadAll(r.Read)
}

// Resolve returns name when it is given, and otherwise the format that the
// extension of path names, or an error saying that it names none.
func Resolve(name, path string) (string, error) {
	if name != "" {
		return name, nil
	}
	if name, ok := FromPath(path); ok {
		return name, nil
	}
	return "", fmt.Errorf("%w of %q from its extension (formats: %s)", ErrNoFormat, path, strings.Join(Names(), ", "))
}

// ResolveOutput is Resolve for an output, which is TSV on the standard
// output ("-" or "") unless name says otherwise.
func ResolveOutput(name, path string) (string, error) {
	if name == "" && (path == "" || path == "-") {
		return "tsv", nil
	}
	return Resolve(name, path)
}

// ErrNoFormat is wrapped by the error of Resolve when it finds no format.
var ErrNoFormat = errors.New("cannot tell the format")
