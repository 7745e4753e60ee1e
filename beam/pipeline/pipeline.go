// Package pipeline aligns JSON lines of documents on Apache Beam, with the
// same readers and aligner as paralel batch -: each line a document
// ({"doc": NAME, "src": TEXT, "tgt": TEXT}, or "src_path" and "tgt_path"
// readable by the workers), each document read, split and aligned on its
// own (with a lexicon learnt beforehand by paralel lexicon, when given), its
// links written to one of a fixed number of shards chosen by a hash of its
// name, in the link formats of paralel: JSON lines, TSV, ids or Moses.
//
// BuildPairs starts from two collections of documents instead, paired as
// paralel pair pairs them (pipeline/pair), within groups of documents (a
// web domain, a folder) that each one worker pairs, before their pairs are
// aligned.
//
// A document that cannot be read is counted and named in a side output,
// never failing the job. Counters of documents, links, doubtful links, pairs
// kept and failures (and of pairing: groups, documents paired and left
// unpaired) are Beam metrics in the namespace "paralel".
package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // file paths
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/pipeline/batch"
)

// Config says how documents are aligned and written. It travels to the
// workers with the pipeline, as JSON.
type Config struct {
	SrcLang, TgtLang string      // BCP 47 tags; empty guesses them
	Mode             corpus.Mode // how the texts are read
	Lexicon          string      // path of a lexicon file (paralel lexicon); empty induces none across documents

	Format        string  // jsonl, tsv, ids or moses
	Shards        int     // how many output shards
	MinScore      float64 // drop links scored under this
	KeepUnaligned bool    // keep 1-0 and 0-1 links in TSV and Moses
	TSVMeta       bool    // TSV: the link type, document and status columns
	Doubtful      float64 // the score under which a link counts as doubtful; 0 for the default
}

// Counters, in the namespace "paralel".
var (
	docsCounter     = beam.NewCounter("paralel", "documents")
	failedCounter   = beam.NewCounter("paralel", "failures")
	linksCounter    = beam.NewCounter("paralel", "links")
	doubtfulCounter = beam.NewCounter("paralel", "doubtful")
	keptCounter     = beam.NewCounter("paralel", "pairs")
)

// DocLinks is what one document writes: a text for each file of the
// format (two for Moses).
type DocLinks struct {
	Doc   string
	Files []string
}

func init() {
	beam.RegisterType(reflect.TypeOf((*DocLinks)(nil)).Elem())
	register.DoFn4x1[context.Context, string, func(int, DocLinks), func(string), error](&alignFn{})
	register.DoFn3x1[context.Context, int, func(*DocLinks) bool, error](&writeShardFn{})
	register.Function2x0(emptyShard)
	register.Function1x2(keyFailure)
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeFailuresFn{})
	register.Iter1[string]()
	register.Emitter2[int, DocLinks]()
	register.Emitter1[string]()
	register.Iter1[DocLinks]()
}

// Check refuses a Config the pipeline cannot run, before it starts.
func (c Config) Check() error {
	n, err := format.FileCount(c.Format)
	if err != nil {
		return err
	}
	if c.Format == "tmx" {
		return fmt.Errorf("tmx: a shard of TMX is not a TMX file; write JSON lines and convert them")
	}
	if c.Shards < 1 {
		return fmt.Errorf("%d shards: want at least one", c.Shards)
	}
	if n < 1 {
		return fmt.Errorf("%s: no files", c.Format)
	}
	_, err = format.NewFilesWriter(c.Format, make([]io.Writer, n), c.export())
	return err
}

func (c Config) export() format.Options {
	return format.Options{SrcLang: c.SrcLang, TgtLang: c.TgtLang, MinScore: c.MinScore,
		KeepUnaligned: c.KeepUnaligned, TSVMeta: c.TSVMeta}
}

// Extensions are the file name extensions of the shards of the format.
func (c Config) Extensions() []string {
	if c.Format == "moses" {
		src, tgt := c.SrcLang, c.TgtLang
		if src == "" {
			src = "sq"
		}
		if tgt == "" {
			tgt = "en"
		}
		return []string{"." + src, "." + tgt}
	}
	return []string{"." + c.Format}
}

// ShardName is the name of shard i of n of the output at prefix, such as
// out-00003-of-00008.jsonl.
func ShardName(prefix string, i, n int, ext string) string {
	return fmt.Sprintf("%s-%05d-of-%05d%s", prefix, i, n, ext)
}

// Build reads the JSON lines of the files matching input, aligns the
// documents and writes the shards at output (see ShardName), and the
// failed documents, one "NAME: reason" a line, to output-failures.txt.
func Build(s beam.Scope, input, output string, c Config) {
	lines := textio.Read(s, input)
	links, failures := Align(s, lines, c)
	WriteShards(s, output, links, c)
	WriteFailures(s, output+"-failures.txt", failures)
}

// WriteFailures writes a PCollection<string> of failures to one file, one
// a line, by one worker; the file is written, empty, when none failed.
func WriteFailures(s beam.Scope, path string, failures beam.PCollection) {
	s = s.Scope("paralel.WriteFailures")
	keyed := beam.ParDo(s, keyFailure, failures)
	none := beam.ParDo(s, keyFailure, beam.Create(s, ""))
	beam.ParDo0(s, &writeFailuresFn{Path: path}, beam.GroupByKey(s, beam.Flatten(s, keyed, none)))
}

// create opens the file at path for writing through Beam's file systems.
func create(ctx context.Context, path string) (io.WriteCloser, error) {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, err
	}
	w, err := fs.OpenWrite(ctx, path)
	if err != nil {
		fs.Close()
		return nil, err
	}
	return &file{WriteCloser: w, fs: fs}, nil
}

// file is a file being written and its file system, both closed by Close,
// which may be called again.
type file struct {
	io.WriteCloser
	fs     filesystem.Interface
	closed bool
}

func (f *file) Close() error {
	if f.closed {
		return nil
	}
	f.closed = true
	err := f.WriteCloser.Close()
	f.fs.Close()
	return err
}

// keyFailure puts every failure in the one group of the failures file.
func keyFailure(line string) (int, string) { return 0, line }

type writeFailuresFn struct{ Path string }

func (f *writeFailuresFn) ProcessElement(ctx context.Context, _ int, lines func(*string) bool) error {
	w, err := create(ctx, f.Path)
	if err != nil {
		return err
	}
	defer w.Close()
	var line string
	for lines(&line) {
		if line == "" {
			continue
		}
		if _, err := io.WriteString(w, line+"\n"); err != nil {
			return err
		}
	}
	return w.Close()
}

// Align aligns the documents of a PCollection<string> of JSON lines and
// returns the links of each as a PCollection<KV<int, DocLinks>> keyed by
// shard, and the failures as a PCollection<string>.
func Align(s beam.Scope, lines beam.PCollection, c Config) (links, failures beam.PCollection) {
	s = s.Scope("paralel.Align")
	return beam.ParDo2(s, &alignFn{Config: c}, lines)
}

type alignFn struct {
	Config Config

	lexicon *align.Lexicon
}

func (f *alignFn) Setup(ctx context.Context) (err error) {
	f.lexicon, err = readLexicon(ctx, f.Config.Lexicon)
	return err
}

// readLexicon reads the lexicon file at path, none when path is empty.
func readLexicon(ctx context.Context, path string) (*align.Lexicon, error) {
	if path == "" {
		return nil, nil
	}
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	r, err := fs.OpenRead(ctx, path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	lx, err := align.ReadLexicon(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return lx, nil
}

// one is a DocSource of one document.
type one struct {
	in   batch.Input
	done bool
}

func (o *one) Read() (batch.Input, error) {
	if o.done {
		return batch.Input{}, io.EOF
	}
	o.done = true
	return o.in, nil
}

func (f *alignFn) ProcessElement(ctx context.Context, line string, emit func(int, DocLinks), fail func(string)) error {
	line = strings.TrimSpace(line)
	if line == "" {
		return nil
	}
	in, err := batch.ParseInput([]byte(line))
	if err != nil {
		docsCounter.Inc(ctx, 1)
		name := in.Name
		if name == "" {
			name = excerpt(line)
		}
		failedCounter.Inc(ctx, 1)
		fail(name + ": " + err.Error())
		return nil
	}
	return alignInput(ctx, in, f.Config, batch.Options{Align: align.Options{Lexicon: f.lexicon}}, emit, fail)
}

// alignInput aligns one document with the options of the config added to
// opt, and emits its links or its failure.
func alignInput(ctx context.Context, in batch.Input, c Config, opt batch.Options, emit func(int, DocLinks), fail func(string)) error {
	docsCounter.Inc(ctx, 1)
	bufs := make([]bytes.Buffer, len(c.Extensions()))
	ws := make([]io.Writer, len(bufs))
	for i := range bufs {
		ws[i] = &bufs[i]
	}
	w, err := format.NewFilesWriter(c.Format, ws, c.export())
	if err != nil {
		return err
	}
	opt.Mode, opt.Doubtful = c.Mode, c.Doubtful
	opt.Align.SrcLang, opt.Align.TgtLang = c.SrcLang, c.TgtLang
	sum, err := batch.Stream(ctx, &one{in: in}, w, opt)
	if len(sum.Failed) > 0 {
		failedCounter.Inc(ctx, 1)
		fail(sum.Failed[0].Error())
		return nil
	}
	if err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	linksCounter.Inc(ctx, int64(sum.Links))
	doubtfulCounter.Inc(ctx, int64(sum.Doubtful))
	keptCounter.Inc(ctx, int64(sum.Kept))
	out := DocLinks{Doc: in.Name, Files: make([]string, len(bufs))}
	for i := range bufs {
		out.Files[i] = bufs[i].String()
	}
	emit(batch.ShardOf(in.Name, c.Shards), out)
	return nil
}

// excerpt names a line that names no document by its start.
func excerpt(line string) string {
	const n = 40
	if len(line) <= n {
		return fmt.Sprintf("%q", line)
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(line[cut]) {
		cut--
	}
	return fmt.Sprintf("%q...", line[:cut])
}

// WriteShards writes the links of a PCollection<KV<int, DocLinks>> to the
// shards at prefix, each shard by one worker, every shard written even when
// no document falls in it.
func WriteShards(s beam.Scope, prefix string, links beam.PCollection, c Config) {
	s = s.Scope("paralel.WriteShards")
	keys := make([]int, c.Shards)
	for i := range keys {
		keys[i] = i
	}
	empty := beam.ParDo(s, emptyShard, beam.CreateList(s, keys))
	grouped := beam.GroupByKey(s, beam.Flatten(s, links, empty))
	beam.ParDo0(s, &writeShardFn{Prefix: prefix, Config: c}, grouped)
}

// emptyShard makes every shard have a group, so that each is written.
func emptyShard(shard int, emit func(int, DocLinks)) {
	emit(shard, DocLinks{})
}

type writeShardFn struct {
	Prefix string
	Config Config
}

func (f *writeShardFn) ProcessElement(ctx context.Context, shard int, docs func(*DocLinks) bool) error {
	exts := f.Config.Extensions()
	files := make([]io.WriteCloser, len(exts))
	for i, ext := range exts {
		var err error
		if files[i], err = create(ctx, ShardName(f.Prefix, shard, f.Config.Shards, ext)); err != nil {
			return err
		}
		defer files[i].Close()
	}
	var d DocLinks
	for docs(&d) {
		for i, text := range d.Files {
			if i < len(files) {
				if _, err := io.WriteString(files[i], text); err != nil {
					return err
				}
			}
		}
	}
	for _, f := range files {
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}

// Counts are the pipeline's counters, summed over its steps.
type Counts struct {
	Documents, Failures, Links, Doubtful, Pairs int64

	// Of pairing two collections (BuildPairs): groups paired, pairs of
	// documents made, and documents left unpaired.
	Groups, Paired, Unpaired int64
}

// CountsOf reads the counters from the metrics of a finished pipeline.
func CountsOf(m metrics.Results) Counts {
	var c Counts
	names := map[string]*int64{
		"documents": &c.Documents, "failures": &c.Failures, "links": &c.Links,
		"doubtful": &c.Doubtful, "pairs": &c.Pairs,
		"groups": &c.Groups, "paired": &c.Paired, "unpaired": &c.Unpaired,
	}
	for _, r := range m.AllMetrics().Counters() {
		if r.Namespace() != "paralel" {
			continue
		}
		if n, ok := names[r.Name()]; ok {
			*n += r.Result()
		}
	}
	return c
}

// Report is the summary of a run, as paralel batch gives it.
func Report(m metrics.Results) []string {
	c := CountsOf(m)
	share := 0.0
	if c.Links > 0 {
		share = 100 * float64(c.Doubtful) / float64(c.Links)
	}
	var out []string
	if c.Groups > 0 {
		groups := "one group"
		if c.Groups > 1 {
			groups = fmt.Sprintf("%d groups", c.Groups)
		}
		out = append(out, fmt.Sprintf("paired %d pairs of documents in %s; %d documents unpaired", c.Paired, groups, c.Unpaired))
	}
	return append(out,
		fmt.Sprintf("aligned %d of %d documents (%d failed)", c.Documents-c.Failures, c.Documents, c.Failures),
		fmt.Sprintf("%d links, %d doubtful (%.1f%%); %d pairs kept", c.Links, c.Doubtful, share, c.Pairs),
	)
}
