package pipeline

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/direct"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/internal/shared"
	"github.com/paralel/paralel/pipeline/batch"
	"github.com/paralel/paralel/pipeline/input"
	"github.com/paralel/paralel/pipeline/pair"
)

// cliPairs is what the command line makes of two folders: the pairs that
// paralel pair writes, and the links of aligning each pair on its own
// (paralel batch --pair --each, or the pairs as JSON lines of documents
// to paralel batch -), in the config's format, each file's lines sorted.
func cliPairs(t *testing.T, srcDir, tgtDir string, c Config) (pairs string, links [][]string, sum *batch.Summary, res *pair.Result) {
	t.Helper()
	src, err := pair.Load(srcDir, input.Options{Lang: c.SrcLang, Mode: c.Mode})
	require.NoError(t, err)
	tgt, err := pair.Load(tgtDir, input.Options{Lang: c.TgtLang, Mode: c.Mode})
	require.NoError(t, err)
	res, err = pair.Pair(src, tgt, pair.Options{SrcLang: c.SrcLang, TgtLang: c.TgtLang})
	require.NoError(t, err)
	var buf bytes.Buffer
	pw, err := pair.NewWriter(&buf, "tsv")
	require.NoError(t, err)
	var docs []batch.Doc
	for _, l := range res.Lines(src, tgt, false) {
		require.NoError(t, pw.Write(l))
		docs = append(docs, batch.Doc{Name: l.Src, Src: l.Src, Tgt: l.Tgt})
	}
	pw.Flush()
	require.NoError(t, pw.Error())
	links, sum = streamLinks(t, batch.NewDocList(docs), c, nil)
	return buf.String(), links, sum, res
}

// runPairs runs BuildPairs on the direct runner and returns the pairs
// file, the links of each kind of shard file, sorted, the failures and the
// counters.
func runPairs(t *testing.T, srcGlob, tgtGlob, prefix string, c Config, pc PairConfig) (string, [][]string, []string, Counts) {
	t.Helper()
	require.NoError(t, c.Check())
	require.NoError(t, pc.Check())
	p, s := beam.NewPipelineWithRoot()
	BuildPairs(s, srcGlob, tgtGlob, prefix, c, pc)
	res, err := direct.Execute(context.Background(), p)
	require.NoError(t, err)
	pairs, err := os.ReadFile(prefix + "-pairs.tsv")
	require.NoError(t, err)
	links, failures := readOutput(t, prefix, c)
	return string(pairs), links, failures, CountsOf(res.Metrics())
}

// The fixture: two sites (news, sport) of Albanian articles and English
// ones, five of them translations (one an HTML page), with an Albanian
// article and an English one on the same topics as others but without a
// translation, an Albanian article given twice, an empty English file and
// a hidden file.
const fixture = "testdata/pairs"

// TestPairsSameAsCLI is the target: pairing two collections on the direct
// runner writes the pairs of paralel pair and the links of aligning them
// with paralel batch, the whole collection as one group and grouped by
// site.
func TestPairsSameAsCLI(t *testing.T) {
	c := Config{SrcLang: "sq", TgtLang: "en", Format: "jsonl", Shards: 3}
	srcGlob, tgtGlob := fixture+"/sq/*/*", fixture+"/en/*/*"

	t.Run("one group", func(t *testing.T) {
		wantPairs, wantLinks, sum, res := cliPairs(t, fixture+"/sq", fixture+"/en", c)
		require.Len(t, res.Pairs, 5)
		pairs, links, failures, counts := runPairs(t, srcGlob, tgtGlob, filepath.Join(t.TempDir(), "links"), c, PairConfig{})
		assert.Equal(t, wantPairs, pairs)
		assert.Equal(t, wantLinks, links)
		assert.Equal(t, []string{
			"en/news/tirana-metro.txt: no translation found: left unpaired\n",
			"en/sport/empty.txt: empty: no text to pair: left unpaired\n",
			"sq/news/permbytja-shkodres.txt: no translation found: left unpaired\n",
			"sq/news/ri-buxheti.txt: the same text as testdata/pairs/sq/news/buxheti-tiranes.txt: left unpaired\n",
		}, trimFixture(failures))
		assert.Equal(t, Counts{Groups: 1, Paired: 5, Unpaired: 4, Documents: 5,
			Links: int64(sum.Links), Doubtful: int64(sum.Doubtful), Pairs: int64(sum.Kept)}, counts)
		t.Logf("%d pairs, %d links compared", len(res.Pairs), len(links[0]))
	})

	// By site: the folder's name, or the same by a regular expression.
	var wantPairs string
	var wantLinks []string
	var paired int
	for _, site := range []string{"news", "sport"} {
		p, l, _, res := cliPairs(t, fixture+"/sq/"+site, fixture+"/en/"+site, c)
		wantPairs += p
		wantLinks = append(wantLinks, l[0]...)
		paired += len(res.Pairs)
	}
	slices.Sort(wantLinks)
	for _, by := range []string{ByDir, `^testdata/pairs/\w+/(\w+)/`} {
		t.Run(by, func(t *testing.T) {
			pairs, links, failures, counts := runPairs(t, srcGlob, tgtGlob, filepath.Join(t.TempDir(), "links"), c, PairConfig{By: by})
			assert.Equal(t, wantPairs, pairs)
			assert.Equal(t, [][]string{wantLinks}, links)
			assert.Len(t, failures, 4)
			assert.Equal(t, int64(2), counts.Groups)
			assert.Equal(t, int64(paired), counts.Paired)
			assert.Equal(t, int64(4), counts.Unpaired)
		})
	}
}

// trimFixture shortens the names of the fixture's documents in failures.
func trimFixture(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimPrefix(l, fixture+"/")
	}
	return out
}

// A group with one side only, a path the key does not match and a file
// that cannot be read leave their documents unpaired, named with the
// reason, and the others are paired all the same.
func TestPairsUnpaired(t *testing.T) {
	dir := t.TempDir()
	copyFile := func(from, to string) {
		data, err := os.ReadFile(filepath.Join(fixture, from))
		require.NoError(t, err)
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, to)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, to), data, 0o666))
	}
	copyFile("sq/sport/futbolli.txt", "sq/a-sport/futbolli.txt")
	copyFile("en/sport/football.txt", "en/a-sport/football.txt")
	copyFile("sq/sport/maratona.txt", "sq/a-sport/maratona.txt")
	copyFile("en/sport/marathon.txt", "en/a-sport/marathon.txt")
	copyFile("sq/news/porti-durresit.txt", "sq/b-news/porti-durresit.txt")
	copyFile("en/news/durres-port.txt", "en/x/durres-port.txt")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "sq/a-sport/bad.txt"), []byte(strings.Repeat("\x00\x01\x02\x03", 64)), 0o666))

	c := Config{SrcLang: "sq", TgtLang: "en", Format: "tsv", Shards: 2, TSVMeta: true}
	pairs, links, failures, counts := runPairs(t, dir+"/sq/*/*", dir+"/en/*/*", filepath.Join(dir, "out", "links"), c,
		PairConfig{By: `/([a-z]-\w+)/[^/]+$`})
	assert.Equal(t, dir+"/sq/a-sport/futbolli.txt\t"+dir+"/en/a-sport/football.txt\t1\n"+
		dir+"/sq/a-sport/maratona.txt\t"+dir+"/en/a-sport/marathon.txt\t1\n", pairs)
	require.Len(t, failures, 3)
	assert.Contains(t, failures[0], dir+"/en/x/durres-port.txt: does not match --pair-by")
	assert.Contains(t, failures[1], dir+"/sq/a-sport/bad.txt")
	assert.Contains(t, failures[1], "binary data")
	assert.Equal(t, dir+`/sq/b-news/porti-durresit.txt: no document of the other side in group "b-news": left unpaired`+"\n", failures[2])
	assert.Equal(t, Counts{Groups: 2, Paired: 2, Unpaired: 3, Documents: 2,
		Links: counts.Links, Doubtful: counts.Doubtful, Pairs: counts.Pairs}, counts)
	assert.Positive(t, counts.Links)
	assert.Len(t, links[0], int(counts.Pairs))
}

// On the development set of document pairing, the pipeline makes the pairs
// of paralel pair and the links of aligning them.
func TestPairsDocpairDev(t *testing.T) {
	dir := shared.Require(t, "eval/docpair-dev")
	c := Config{SrcLang: "sq", TgtLang: "en", Format: "jsonl", Shards: 4}
	wantPairs, wantLinks, sum, res := cliPairs(t, filepath.Join(dir, "sq"), filepath.Join(dir, "en"), c)
	pairs, links, failures, counts := runPairs(t, filepath.Join(dir, "sq", "*"), filepath.Join(dir, "en", "*"),
		filepath.Join(t.TempDir(), "links"), c, PairConfig{})
	assert.Equal(t, wantPairs, pairs)
	require.Equal(t, len(wantLinks[0]), len(links[0]))
	assert.True(t, slices.Equal(wantLinks[0], links[0]), "the same links as paralel batch on the pairs")
	assert.Len(t, failures, len(res.Unpaired[pair.Src])+len(res.Unpaired[pair.Tgt]))
	assert.Equal(t, int64(len(res.Pairs)), counts.Paired)
	assert.Equal(t, int64(sum.Links), counts.Links)

	f, err := os.Open(filepath.Join(dir, "gold.tsv"))
	require.NoError(t, err)
	defer f.Close()
	gold, err := pair.ReadLines(f)
	require.NoError(t, err)
	got, err := pair.ReadLines(strings.NewReader(pairs))
	require.NoError(t, err)
	sc := pair.Compare(gold, got)
	t.Logf("docpair-dev: %d pairs (%d gold, %d right: precision %.4f, recall %.4f), %d links compared, %d documents unpaired",
		sc.Pred, sc.Gold, sc.Correct, sc.Precision, sc.Recall, len(links[0]), counts.Unpaired)
	assert.GreaterOrEqual(t, sc.Precision, 0.99)
	assert.GreaterOrEqual(t, sc.Recall, 0.99)
}
