// Package tmxtest checks TMX output in tests: against the TMX 1.4 DTD of
// the shared data folder, with xmllint, which the tests of the writer and
// of the exports would otherwise each run their own way.
package tmxtest

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/paralel/paralel/internal/shared"
)

// Validate checks the TMX file at path against the TMX 1.4 DTD with
// xmllint, which never goes to the network (--nonet). It skips the test
// when the DTD or xmllint (Debian package libxml2-utils) is missing.
func Validate(t testing.TB, path string) {
	t.Helper()
	dtd := shared.Require(t, "formats/tmx14.dtd")
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not installed (Debian package libxml2-utils): TMX not validated")
	}
	out, err := exec.Command(xmllint, "--noout", "--nonet", "--dtdvalid", dtd, path).CombinedOutput()
	assert.NoError(t, err, "xmllint: %s", out)
	assert.Empty(t, strings.TrimSpace(string(out)))
}
