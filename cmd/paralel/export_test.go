package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAlignExportFlags checks the export flags of paralel align: regional
// language tags reach the TMX while splitting and aligning still use the
// language's data, and the filters say what they dropped.
func TestAlignExportFlags(t *testing.T) {
	dir := t.TempDir()

	plain := filepath.Join(dir, "plain.tmx")
	_, _, err := runCmd(t, "align", "-o", plain, ramaSq, ramaEn)
	require.NoError(t, err)
	regional := filepath.Join(dir, "regional.tmx")
	_, _, err = runCmd(t, "align", "--src-lang", "sq-AL", "--tgt-lang", "en-GB", "-o", regional, ramaSq, ramaEn)
	require.NoError(t, err)

	a, err := os.ReadFile(plain)
	require.NoError(t, err)
	b, err := os.ReadFile(regional)
	require.NoError(t, err)
	assert.Contains(t, string(b), `srclang="sq-AL"`)
	assert.Contains(t, string(b), `<tuv xml:lang="en-GB">`)
	assert.Contains(t, string(b), `creationtoolversion="`+version+`"`)
	assert.Equal(t, strings.Count(string(a), "<tu>"), strings.Count(string(b), "<tu>"), "the same alignment")
	assert.Equal(t, strings.Count(string(a), "<seg>"), strings.Count(string(b), "<seg>"))

	_, stderr, err := runCmd(t, "align", "--min-score", "0.999", "--dedupe", "-f", "tsv", "-o", filepath.Join(dir, "sure.tsv"), ramaSq, ramaEn)
	require.NoError(t, err)
	assert.Regexp(t, `dropped \d+ pairs: \d+ unaligned \(1-0/0-1\), \d+ below the minimum score`, stderr)
}

// TestTSVColumns: TSV has source, target and score, and the link type and
// document and status with --tsv-meta; --header names the columns written.
func TestTSVColumns(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in.jsonl")
	require.NoError(t, os.WriteFile(in, []byte(`{"src_ids":[0,1],"tgt_ids":[0],"src":"Po. Jo.","tgt":"Yes, no.","score":0.5,"doc":"d"}`+"\n"), 0o644))
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"convert", "--to", "tsv", in, "-"}, "Po. Jo.\tYes, no.\t0.5\n"},
		{[]string{"convert", "--to", "tsv", "--header", in, "-"}, "sq\ten\tscore\nPo. Jo.\tYes, no.\t0.5\n"},
		{[]string{"convert", "--to", "tsv", "--tsv-meta", in, "-"}, "Po. Jo.\tYes, no.\t0.5\t2-1\td\t\n"},
		{[]string{"convert", "--to", "tsv", "--tsv-meta", "--header", in, "-"}, "sq\ten\tscore\tlink\tdocument\tstatus\nPo. Jo.\tYes, no.\t0.5\t2-1\td\t\n"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[3:len(tt.args)-2], " "), func(t *testing.T) {
			stdout, _, err := runCmd(t, tt.args...)
			require.NoError(t, err)
			assert.Equal(t, tt.want, stdout)
		})
	}

	stdout, _, err := runCmd(t, "align", "--tsv-meta", "-f", "tsv", ramaSq, ramaEn)
	require.NoError(t, err)
	assert.Regexp(t, `^[^\t\n]+\t[^\t\n]+\t[0-9.]+\t1-1\trama\t\n`, stdout, "an aligned pair names its document, rama/sq.txt's folder")
}

// TestAlignDoc: paralel align names the document as paralel review does, by
// default after SRC's folder when SRC is named after its language, or as
// --doc says.
func TestAlignDoc(t *testing.T) {
	stdout, _, err := runCmd(t, "align", "-f", "jsonl", ramaSq, ramaEn)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	require.NotEmpty(t, lines)
	for _, l := range lines {
		assert.Contains(t, l, `"doc":"rama"`)
	}

	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--presplit"}, "<prop type=\"x-document\">doc</prop>"},
		{[]string{"--presplit", "--doc", "Rama & OSBE"}, "<prop type=\"x-document\">Rama &amp; OSBE</prop>"},
	} {
		src := filepath.Join(dir, "doc.sq")
		require.NoError(t, os.WriteFile(src, []byte("Po.\n"), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "doc.en"), []byte("Yes.\n"), 0o644))
		out := filepath.Join(dir, "out.tmx")
		_, _, err := runCmd(t, append(append([]string{"align", "-o", out}, tt.args...), src, filepath.Join(dir, "doc.en"))...)
		require.NoError(t, err)
		tmx, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.Contains(t, string(tmx), tt.want)
	}
}
