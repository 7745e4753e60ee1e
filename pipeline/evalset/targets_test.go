package evalset

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/internal/shared"
)

// The targets of the aligner on the shared evaluation sets (issues 3 and
// 12): issue 12 asks for 0.92 on textberg-dev and for 70% of its wrong
// links among its 10% lowest-scored.
const (
	ntrexPooled        = 0.985 // strict F1, ntrex-dev aligned together
	ntrexEach          = 0.985 // strict F1, each ntrex-dev document on its own
	ntrexRaw           = 0.995 // strict F1, ntrex-dev-raw end to end
	ramaF1             = 1.0   // strict F1, rama pre-split and end to end
	textberg           = 0.92  // strict F1, textberg-dev (German–French)
	lowestHold         = 0.8   // share of ntrex-dev's wrong links among its 10% lowest-scored links
	textbergLowestHold = 0.7   // the same share on textberg-dev
)

// TestTargets runs the evaluations of the shared sets and fails below the
// targets. The predictions are also scored by the reference scorer, when
// python3 is there, to make sure the figures are the ones it gives (see
// checkScorePy).
func TestTargets(t *testing.T) {
	if testing.Short() {
		t.Skip("the evaluation targets are not in the short tier")
	}
	dir := shared.Require(t, "eval")
	evaluate := func(t *testing.T, set string, opt Options) *Result {
		t.Helper()
		s, err := Load(filepath.Join(dir, set))
		require.NoError(t, err)
		opt.PredDir = t.TempDir()
		res, err := Evaluate(s, opt)
		require.NoError(t, err)
		if res.Presplit != nil {
			checkScorePy(t, "ids", s.Dir, opt.PredDir, res.Presplit.Counts)
		}
		if res.EndToEnd != nil {
			checkScorePy(t, "text", s.Dir, opt.PredDir, res.EndToEnd.Counts)
		}
		return res
	}
	sqen := align.Options{SrcLang: "sq", TgtLang: "en"}

	t.Run("ntrex-dev", func(t *testing.T) {
		res := evaluate(t, "ntrex-dev", Options{Align: sqen})
		var g goals
		g.atLeast(t, "strict F1, aligned together", res.Presplit.Counts.Strict().F1, ntrexPooled)
		found, wrong := res.Presplit.WrongInLowest(ConfidenceShare)
		if wrong > 0 {
			g.atLeast(t, "share of the wrong links among the 10% lowest-scored", float64(found)/float64(wrong), lowestHold)
		}
		g.check(t)
	})
	t.Run("ntrex-dev each", func(t *testing.T) {
		res := evaluate(t, "ntrex-dev", Options{Align: sqen, Each: true})
		var g goals
		g.atLeast(t, "strict F1, each document alone", res.Presplit.Counts.Strict().F1, ntrexEach)
		g.check(t)
	})
	t.Run("ntrex-dev-raw", func(t *testing.T) {
		res := evaluate(t, "ntrex-dev-raw", Options{Align: sqen})
		var g goals
		g.atLeast(t, "strict F1, end to end", res.EndToEnd.Counts.Strict().F1, ntrexRaw)
		g.check(t)
	})
	t.Run("rama", func(t *testing.T) {
		res := evaluate(t, "rama", Options{Align: sqen})
		var g goals
		g.atLeast(t, "strict F1, pre-split", res.Presplit.Counts.Strict().F1, ramaF1)
		g.atLeast(t, "strict F1, end to end", res.EndToEnd.Counts.Strict().F1, ramaF1)
		g.check(t)
	})
	t.Run("textberg-dev", func(t *testing.T) {
		res := evaluate(t, "textberg-dev", Options{Align: align.Options{SrcLang: "de", TgtLang: "fr"}})
		var g goals
		g.atLeast(t, "strict F1", res.Presplit.Counts.Strict().F1, textberg)
		found, wrong := res.Presplit.WrongInLowest(ConfidenceShare)
		if wrong > 0 {
			g.atLeast(t, "share of the wrong links among the 10% lowest-scored", float64(found)/float64(wrong), textbergLowestHold)
		}
		g.check(t)
	})
}

// goals collects the targets a subtest misses.
type goals struct{ missed []string }

func (g *goals) atLeast(t *testing.T, what string, got, target float64) {
	t.Helper()
	t.Logf("%s: %.4f (target %g)", what, got, target)
	// Figures are compared as score.py prints them, to four decimals.
	if got < target-5e-5 {
		g.missed = append(g.missed, fmt.Sprintf("%s: %.4f, below the target %g", what, got, target))
	}
}

// check fails the subtest for the targets it missed.
func (g *goals) check(t *testing.T) {
	t.Helper()
	if len(g.missed) > 0 {
		t.Error(strings.Join(g.missed, "\n"))
	}
}
