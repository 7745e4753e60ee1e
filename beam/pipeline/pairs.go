package pipeline

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/pipeline/batch"
	"github.com/paralel/paralel/pipeline/input"
	"github.com/paralel/paralel/pipeline/pair"
)

// PairConfig says how two collections of documents are paired before
// their pairs are aligned.
type PairConfig struct {
	// By groups the documents, and pairing is done within each group: ""
	// makes each collection one group; "dir" groups by the name of a
	// document's folder (sq/example.com/a.html and en/example.com/b.html
	// are in the group example.com); any other value is a regular
	// expression on the path, whose first group (or whole match, when it
	// has none) is the key.
	By string

	// MinScore is pair.Options.MinScore: zero for pair.DefaultMinScore,
	// negative to make every pair the assignment finds.
	MinScore float64
}

// ByDir is the PairConfig.By that groups the documents by their folder.
const ByDir = "dir"

// Counters of the pairing, in the namespace "paralel".
var (
	pairedCounter   = beam.NewCounter("paralel", "paired")
	unpairedCounter = beam.NewCounter("paralel", "unpaired")
	groupsCounter   = beam.NewCounter("paralel", "groups")
)

func init() {
	beam.RegisterType(reflect.TypeOf((*pair.Line)(nil)).Elem())
	register.DoFn4x1[context.Context, fileio.FileMetadata, func(string, string), func(string), error](&keyFn{})
	register.DoFn6x1[context.Context, string, func(*string) bool, func(*string) bool, func(pair.Line), func(string), error](&pairFn{})
	register.DoFn4x1[context.Context, pair.Line, func(int, DocLinks), func(string), error](&alignPairFn{})
	register.Function1x2(keyLine)
	register.DoFn3x1[context.Context, int, func(*pair.Line) bool, error](&writePairsFn{})
	register.Emitter2[string, string]()
	register.Emitter1[pair.Line]()
	register.Iter1[pair.Line]()
}

// Check refuses a PairConfig the pipeline cannot run.
func (p PairConfig) Check() error {
	if _, err := byRegexp(p.By); err != nil {
		return fmt.Errorf("--pair-by: %w", err)
	}
	return nil
}

// byRegexp is the regular expression of PairConfig.By, nil when By is
// "" or ByDir.
func byRegexp(by string) (*regexp.Regexp, error) {
	if by == "" || by == ByDir {
		return nil, nil
	}
	return regexp.Compile(by)
}

// BuildPairs pairs the documents of the files matching srcGlob with those
// of the files matching tgtGlob, as paralel pair does, within the groups
// of pc.By; aligns each pair as Build aligns a document, named by its
// source path; and writes the shards at output (see ShardName), the pairs
// to output-pairs.tsv (as paralel pair writes them: SRC<TAB>TGT<TAB>SCORE,
// in the order of the source paths), and the documents left unpaired or
// failed, one "NAME: reason" a line, to output-failures.txt. The globs
// and the documents are read through Beam's file systems.
func BuildPairs(s beam.Scope, srcGlob, tgtGlob, output string, c Config, pc PairConfig) {
	pairs, pairFailures := Pair(s, srcGlob, tgtGlob, c, pc)
	WritePairs(s, output+"-pairs.tsv", pairs)
	links, alignFailures := AlignPairs(s, pairs, c)
	WriteShards(s, output, links, c)
	WriteFailures(s, output+"-failures.txt", beam.Flatten(s, pairFailures, alignFailures))
}

// Pair lists the documents of both globs, groups them by pc.By and pairs
// each group in one worker with pipeline/pair. It returns the pairs as a
// PCollection<pair.Line> and the documents left unpaired, with the reason,
// as a PCollection<string>.
func Pair(s beam.Scope, srcGlob, tgtGlob string, c Config, pc PairConfig) (pairs, unpaired beam.PCollection) {
	s = s.Scope("paralel.Pair")
	src, srcOut := beam.ParDo2(s, &keyFn{By: pc.By}, fileio.MatchFiles(s, srcGlob))
	tgt, tgtOut := beam.ParDo2(s, &keyFn{By: pc.By}, fileio.MatchFiles(s, tgtGlob))
	groups := beam.CoGroupByKey(s, src, tgt)
	pairs, unpaired = beam.ParDo2(s, &pairFn{Config: c, MinScore: pc.MinScore}, groups)
	return pairs, beam.Flatten(s, unpaired, srcOut, tgtOut)
}

// keyFn keys a document's path by its group; a path the key's regular
// expression does not match is left unpaired. Folders and names starting
// with a dot are passed over, as paralel pair passes them over.
type keyFn struct {
	By string

	re *regexp.Regexp
}

func (f *keyFn) Setup() (err error) {
	f.re, err = byRegexp(f.By)
	return err
}

func (f *keyFn) ProcessElement(ctx context.Context, file fileio.FileMetadata, emit func(string, string), unpaired func(string)) error {
	p := file.Path
	if strings.HasPrefix(path.Base(p), ".") || isLocalDir(p) {
		return nil
	}
	key, ok := f.key(p)
	if !ok {
		unpairedCounter.Inc(ctx, 1)
		unpaired(leftUnpaired(p, "does not match --pair-by "+f.By))
		return nil
	}
	emit(key, p)
	return nil
}

func (f *keyFn) key(p string) (string, bool) {
	switch {
	case f.By == "":
		return "", true
	case f.By == ByDir:
		return path.Base(path.Dir(p)), true
	}
	m := f.re.FindStringSubmatch(p)
	switch {
	case m == nil:
		return "", false
	case len(m) > 1:
		return m[1], true
	}
	return m[0], true
}

// isLocalDir tells a folder that a glob on the local file system matched.
func isLocalDir(p string) bool {
	if strings.Contains(p, "://") {
		return false
	}
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// pairFn pairs the documents of one group. Its memory is that of
// pipeline/pair: linear in the number of documents of the group.
type pairFn struct {
	Config   Config
	MinScore float64

	files *files
}

func (f *pairFn) Setup()    { f.files = newFiles() }
func (f *pairFn) Teardown() { f.files.close() }

func (f *pairFn) ProcessElement(ctx context.Context, key string, srcPaths, tgtPaths func(*string) bool, emit func(pair.Line), unpaired func(string)) error {
	groupsCounter.Inc(ctx, 1)
	src := f.docs(ctx, srcPaths, f.Config.SrcLang)
	tgt := f.docs(ctx, tgtPaths, f.Config.TgtLang)
	group := ""
	if key != "" {
		group = fmt.Sprintf(" in group %q", key)
	}
	leave := func(reason string) {
		for _, d := range slices.Concat(src, tgt) {
			unpaired(leftUnpaired(d.Name, reason))
		}
		unpairedCounter.Inc(ctx, int64(len(src)+len(tgt)))
	}
	if len(src) == 0 || len(tgt) == 0 {
		leave("no document of the other side" + group)
		return nil
	}
	res, err := pair.Pair(src, tgt, pair.Options{SrcLang: f.Config.SrcLang, TgtLang: f.Config.TgtLang, MinScore: f.MinScore})
	if errors.Is(err, pair.ErrOneLanguage) {
		reason := err.Error()
		if key != "" {
			reason = fmt.Sprintf("group %q: %v", key, err)
		}
		leave(reason)
		return nil
	}
	if err != nil {
		return err
	}
	for _, l := range res.Lines(src, tgt, false) {
		emit(l)
	}
	pairedCounter.Inc(ctx, int64(len(res.Pairs)))
	unpairedCounter.Inc(ctx, int64(len(res.Unpaired[pair.Src])+len(res.Unpaired[pair.Tgt])))
	docs := [2][]pair.Doc{src, tgt}
	problems := map[[2]int]pair.Problem{}
	for _, p := range res.Problems {
		problems[[2]int{int(p.Side), p.Doc}] = p
	}
	for side := range 2 {
		for _, i := range res.Unpaired[side] {
			name := docs[side][i].Name
			p, ok := problems[[2]int{side, i}]
			switch {
			case !ok:
				unpaired(leftUnpaired(name, "no translation found"+group))
			case p.Err != nil:
				unpaired(p.Err.Error()) // names the file itself
			default:
				unpaired(leftUnpaired(name, p.Reason))
			}
		}
	}
	return nil
}

// leftUnpaired is the line of the failures file of a document left
// unpaired, as paralel pair warns of it.
func leftUnpaired(name, reason string) string {
	return name + ": " + reason + ": left unpaired"
}

// docs are the documents of a group's paths, in the order in which
// paralel pair walks a folder, read through Beam's file systems.
func (f *pairFn) docs(ctx context.Context, paths func(*string) bool, lang string) []pair.Doc {
	var names []string
	var p string
	for paths(&p) {
		names = append(names, p)
	}
	slices.SortFunc(names, walkOrder)
	open := func(name string) (io.ReadCloser, error) { return f.files.open(ctx, name) }
	docs := make([]pair.Doc, len(names))
	for i, name := range names {
		docs[i] = pair.File(name, input.Options{Lang: lang, Mode: f.Config.Mode, Open: open})
	}
	return docs
}

// walkOrder orders paths as a walk of their folders visits them, folder
// by folder in lexical order (a/b before a.txt).
func walkOrder(a, b string) int {
	return slices.Compare(strings.Split(a, "/"), strings.Split(b, "/"))
}

// files opens files through Beam's file systems, one of each scheme for
// the life of a DoFn, from several goroutines.
type files struct {
	mu  sync.Mutex
	fss map[string]filesystem.Interface
}

func newFiles() *files { return &files{fss: map[string]filesystem.Interface{}} }

func (f *files) open(ctx context.Context, name string) (io.ReadCloser, error) {
	scheme, _, ok := strings.Cut(name, "://")
	if !ok {
		scheme = ""
	}
	f.mu.Lock()
	fs, ok := f.fss[scheme]
	if !ok {
		var err error
		if fs, err = filesystem.New(ctx, name); err != nil {
			f.mu.Unlock()
			return nil, err
		}
		f.fss[scheme] = fs
	}
	f.mu.Unlock()
	return fs.OpenRead(ctx, name)
}

func (f *files) close() {
	if f == nil {
		return
	}
	for _, fs := range f.fss {
		fs.Close()
	}
}

// AlignPairs aligns the pairs of a PCollection<pair.Line>, each as a
// document named by its source path, spread over the workers, and returns
// the links keyed by shard and the failures, as Align does.
func AlignPairs(s beam.Scope, pairs beam.PCollection, c Config) (links, failures beam.PCollection) {
	s = s.Scope("paralel.AlignPairs")
	// Pairs come out of pairing group by group: reshuffle them, so that a
	// large group is not aligned by the worker that paired it alone.
	return beam.ParDo2(s, &alignPairFn{Config: c}, beam.Reshuffle(s, pairs))
}

type alignPairFn struct {
	Config Config

	lexicon *align.Lexicon
	files   *files
}

func (f *alignPairFn) Setup(ctx context.Context) (err error) {
	f.files = newFiles()
	f.lexicon, err = readLexicon(ctx, f.Config.Lexicon)
	return err
}

func (f *alignPairFn) Teardown() { f.files.close() }

func (f *alignPairFn) ProcessElement(ctx context.Context, l pair.Line, emit func(int, DocLinks), fail func(string)) error {
	in := batch.Input{Name: l.Src, Src: l.Src, Tgt: l.Tgt, Kind: batch.Files}
	opt := batch.Options{Align: align.Options{Lexicon: f.lexicon},
		Read: input.Options{Open: func(name string) (io.ReadCloser, error) { return f.files.open(ctx, name) }}}
	return alignInput(ctx, in, f.Config, opt, emit, fail)
}

// WritePairs writes the pairs of a PCollection<pair.Line> to one file at
// path, by one worker, in the order of their source paths, as paralel pair
// writes them; the file is written, empty, when there are none.
func WritePairs(s beam.Scope, path string, pairs beam.PCollection) {
	s = s.Scope("paralel.WritePairs")
	keyed := beam.ParDo(s, keyLine, pairs)
	none := beam.ParDo(s, keyLine, beam.Create(s, pair.Line{}))
	beam.ParDo0(s, &writePairsFn{Path: path}, beam.GroupByKey(s, beam.Flatten(s, keyed, none)))
}

// keyLine puts every pair in the one group of the pairs file.
func keyLine(l pair.Line) (int, pair.Line) { return 0, l }

type writePairsFn struct{ Path string }

func (f *writePairsFn) ProcessElement(ctx context.Context, _ int, lines func(*pair.Line) bool) error {
	var all []pair.Line
	var l pair.Line
	for lines(&l) {
		if l.Src != "" || l.Tgt != "" {
			all = append(all, l)
		}
	}
	slices.SortFunc(all, func(a, b pair.Line) int { return cmp.Or(walkOrder(a.Src, b.Src), walkOrder(a.Tgt, b.Tgt)) })
	w, err := create(ctx, f.Path)
	if err != nil {
		return err
	}
	defer w.Close()
	pw, err := pair.NewWriter(w, "tsv")
	if err != nil {
		return err
	}
	if err := pw.WriteAll(all); err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	return w.Close()
}
