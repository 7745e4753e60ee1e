package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEvalGoldPred(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.txt")
	pred := filepath.Join(dir, "pred.txt")
	require.NoError(t, os.WriteFile(gold, []byte("[0]:[0]\n[1, 2]:[1]\n"), 0o644))
	require.NoError(t, os.WriteFile(pred, []byte("[0]:[0]:0.9\n[1]:[1]:0.4\n[2]:[]:0.3\n"), 0o644))
	out, _, err := runCmd(t, "eval", "--gold", gold, "--pred", pred)
	require.NoError(t, err)
	assert.Contains(t, out, "pre-split   strict     1      3      2     0.3333  0.5000  0.4000")

	_, _, err = runCmd(t, "eval", "--gold", gold)
	assert.ErrorContains(t, err, "pred")
	_, _, err = runCmd(t, "eval")
	assert.ErrorContains(t, err, "give --set DIR, or --gold FILE and --pred FILE")
	_, _, err = runCmd(t, "eval", "--set", filepath.Join(dir, "nothing"))
	assert.Error(t, err)
}

func TestEvalSet(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "set", "doc")
	require.NoError(t, os.MkdirAll(doc, 0o755))
	for name, text := range map[string]string{
		"sq.sent":  "Më 12 janar 2020 erdhën 300 veta.\nTë nesërmen, 45 prej tyre ikën në Vjenë.\n",
		"en.sent":  "On 12 January 2020, 300 people came.\nThe next day, 45 of them left for Vienna.\n",
		"gold.txt": "[0]:[0]\n[1]:[1]\n",
	} {
		require.NoError(t, os.WriteFile(filepath.Join(doc, name), []byte(text), 0o644))
	}
	pred := filepath.Join(dir, "pred")
	out, _, err := runCmd(t, "eval", "--set", filepath.Join(dir, "set"), "--write-pred", pred, "--each", "--per-doc")
	require.NoError(t, err)
	assert.Contains(t, out, "pre-split   strict     1      2      2     1.0000  1.0000  1.0000")
	assert.Contains(t, out, "doc       pre-split")
	b, err := os.ReadFile(filepath.Join(pred, "doc", "pred.txt"))
	require.NoError(t, err)
	assert.Regexp(t, `^\[0\]:\[0\]:[.\d]+\n\[1\]:\[1\]:[.\d]+\n$`, string(b))
}
