package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/jsonl"
)

// omegatProject is the project file of OmegaT 3.6 and later: the usual
// folders, Albanian to English, sentence segmentation on.
const omegatProject = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>sq</source_lang>
        <target_lang>en</target_lang>
        <source_tok>org.omegat.tokenizer.DefaultTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
        <sentence_seg>true</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
`

// TestOmegaTPreTranslates gives our TMX of the sample pair to a real CAT
// tool: an OmegaT project with the Albanian article as its source and the
// TMX in tm/auto, whose matches OmegaT inserts without asking. OmegaT then
// writes the target document in console mode, and the sentences it took
// from our TMX are counted.
func TestOmegaTPreTranslates(t *testing.T) {
	if testing.Short() {
		t.Skip("OmegaT is not in the short tier")
	}
	omegat, err := exec.LookPath("omegat")
	if err != nil {
		t.Skip("omegat not installed (Debian package omegat): TMX import not tested")
	}
	dir := t.TempDir()
	for _, sub := range []string{"source", "target", "tm/auto", "glossary", "omegat", "dictionary"} {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, sub), 0o755))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "omegat.project"), []byte(omegatProject), 0o644))
	article, err := os.ReadFile(ramaSq)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "source", "rama.txt"), article, 0o644))

	// The TMX as a user makes it, and the links as JSON lines to count
	// what OmegaT took from it.
	_, _, err = runCmd(t, "align", "-o", filepath.Join(dir, "tm", "auto", "rama.tmx"), ramaSq, ramaEn)
	require.NoError(t, err)
	out, _, err := runCmd(t, "align", "-f", "jsonl", ramaSq, ramaEn)
	require.NoError(t, err)
	pairs, err := corpus.ReadAll(jsonl.NewReader(strings.NewReader(out)).Read)
	require.NoError(t, err)

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	// OmegaT keeps its settings in --config-dir, here beside the project
	// rather than in the user's home.
	cmd := exec.CommandContext(ctx, omegat, dir, "--mode=console-translate", "--config-dir="+filepath.Join(dir, "config"))
	cmd.Env = append(os.Environ(), "DISPLAY=", "JAVA_TOOL_OPTIONS=-Djava.awt.headless=true")
	log, err := cmd.CombinedOutput()
	require.NoError(t, err, "omegat: %s", log)
	target, err := os.ReadFile(filepath.Join(dir, "target", "rama.txt"))
	require.NoError(t, err, "OmegaT wrote no target document: %s", log)

	var units, oneToOne, translatedUnits, translatedOneToOne, sentences, translatedSentences int
	for _, p := range pairs {
		sentences += len(p.SrcIDs)
		if p.Unaligned() {
			continue // not in the TMX
		}
		units++
		isOneToOne := p.Type() == "1-1"
		if isOneToOne {
			oneToOne++
		}
		if strings.Contains(string(target), p.Tgt) && !strings.Contains(string(target), p.Src) {
			translatedUnits++
			translatedSentences += len(p.SrcIDs)
			if isOneToOne {
				translatedOneToOne++
			}
		}
	}
	t.Logf("OmegaT pre-translated %d of the %d Albanian sentences from our TMX: %d of its %d units, %d of its %d 1-1 units",
		translatedSentences, sentences, translatedUnits, units, translatedOneToOne, oneToOne)
	// OmegaT segments the source itself and inserts only exact matches:
	// each 1-1 unit is one of its segments, while a 2-1 or 2-2 unit spans
	// two and cannot match.
	assert.GreaterOrEqual(t, translatedOneToOne*10, oneToOne*9, "at least 90%% of the 1-1 units")
	assert.GreaterOrEqual(t, translatedSentences*10, sentences*7, "at least 70%% of the article's sentences")
}
