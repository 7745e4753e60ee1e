package synth

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDoc(t *testing.T) {
	n1, s1, t1 := Doc(42)
	n2, s2, t2 := Doc(42)
	assert.Equal(t, [3]string{n1, s1, t1}, [3]string{n2, s2, t2}, "the same on every call")
	assert.Equal(t, "doc-0000042", n1)
	_, s3, _ := Doc(43)
	assert.NotEqual(t, s1, s3)
	assert.NotEmpty(t, s1)
	assert.NotEmpty(t, t1)
	assert.Equal(t, strings.Count(s1, "\n"), strings.Count(t1, "\n"), "a line a paragraph on both sides")
}

func TestWriteJSONLines(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteJSONLines(&b, 5, 8))
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	require.Len(t, lines, 3)
	var r Record
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &r))
	name, src, tgt := Doc(6)
	assert.Equal(t, Record{name, src, tgt}, r)
}
