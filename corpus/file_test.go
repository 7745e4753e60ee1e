package corpus

import (
	"context"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCreateFileCommit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.tsv")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o644))

	f, err := CreateFile(path)
	require.NoError(t, err)
	defer f.Close()
	_, err = f.Write([]byte("new"))
	require.NoError(t, err)

	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "old", string(got), "the target changes only on Commit")

	require.NoError(t, f.Commit())
	require.NoError(t, f.Close())
	got, err = os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "new", string(got))
	assert.Equal(t, []string{"out.tsv"}, dirNames(t, dir), "no temporary file is left")
	_, err = f.Write([]byte("late"))
	assert.Error(t, err)
}

func TestCreateFileFailedRunLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.tmx")
	f, err := CreateFile(path)
	require.NoError(t, err)
	_, err = f.Write([]byte("<tmx>half"))
	require.NoError(t, err)
	require.Len(t, dirNames(t, dir), 1, "the temporary file sits beside the target")

	require.NoError(t, f.Close()) // the run failed: no Commit
	assert.Empty(t, dirNames(t, dir))
}

// TestCreateFileContextCancelled: once the run's context is cancelled
// (Ctrl+C), a File writes nothing more and cannot be committed, and the
// output is discarded, whether it is cancelled while writing or before the
// commit.
func TestCreateFileContextCancelled(t *testing.T) {
	for _, tt := range []struct {
		name       string
		writeAfter bool // write once more after the cancellation
	}{
		{"while writing", true},
		{"before the commit", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.tsv")
			ctx, cancel := context.WithCancel(context.Background())
			f, err := CreateFileContext(ctx, path)
			require.NoError(t, err)
			defer f.Close()
			_, err = f.Write([]byte("first"))
			require.NoError(t, err)
			cancel()
			if tt.writeAfter {
				_, err = f.Write([]byte("second"))
				require.ErrorIs(t, err, context.Canceled)
				assert.ErrorContains(t, err, "out.tsv")
			}
			assert.ErrorIs(t, f.Commit(), context.Canceled)
			assert.Empty(t, dirNames(t, dir), "neither the output nor its temporary file")
		})
	}
}

func TestCreateFileMissingDir(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "out.tsv")
	_, err := CreateFile(path)
	assert.ErrorIs(t, err, os.ErrNotExist)
	assert.EqualError(t, err, "create "+path+": no such file or directory", "names the file asked for, not the temporary one")
}

func TestCreateFileOverDirectory(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.tsv")
	require.NoError(t, os.Mkdir(out, 0o755))
	_, err := CreateFile(out)
	assert.EqualError(t, err, out+": is a directory")
	assert.Equal(t, []string{"out.tsv"}, dirNames(t, dir), "no temporary file is left")
}

func TestCreateFileStdout(t *testing.T) {
	f, err := CreateFile("-")
	require.NoError(t, err)
	assert.Equal(t, "-", f.Name())
	require.NoError(t, f.Commit())
	require.NoError(t, f.Close())
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestCreateFileTempNamesProcess(t *testing.T) {
	dir := t.TempDir()
	f, err := CreateFile(filepath.Join(dir, "out.tmx"))
	require.NoError(t, err)
	defer f.Close()
	names := dirNames(t, dir)
	require.Len(t, names, 1)
	assert.True(t, strings.HasPrefix(names[0], ".out.tmx.tmp-"+strconv.Itoa(os.Getpid())+"-"), names[0])
}

// TestCreateFileFollowsLinks: -o onto a symbolic link replaces the file it
// points to, atomically, and keeps the link.
func TestCreateFileFollowsLinks(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(dir string) // makes dir/out, a link
		target string           // the file that gets the output, under dir
	}{
		{"relative link", func(dir string) {
			os.WriteFile(filepath.Join(dir, "real.tsv"), []byte("old"), 0o600)
			os.Symlink("real.tsv", filepath.Join(dir, "out"))
		}, "real.tsv"},
		{"absolute link into another folder", func(dir string) {
			os.Mkdir(filepath.Join(dir, "sub"), 0o755)
			os.WriteFile(filepath.Join(dir, "sub", "real.tsv"), []byte("old"), 0o644)
			os.Symlink(filepath.Join(dir, "sub", "real.tsv"), filepath.Join(dir, "out"))
		}, "sub/real.tsv"},
		{"chain of links", func(dir string) {
			os.WriteFile(filepath.Join(dir, "real.tsv"), []byte("old"), 0o644)
			os.Symlink("real.tsv", filepath.Join(dir, "mid"))
			os.Symlink("mid", filepath.Join(dir, "out"))
		}, "real.tsv"},
		{"dangling link", func(dir string) {
			os.Symlink("new.tsv", filepath.Join(dir, "out"))
		}, "new.tsv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.setup(dir)
			target := filepath.Join(dir, tt.target)
			before, _ := os.Stat(target)
			f, err := CreateFile(filepath.Join(dir, "out"))
			require.NoError(t, err)
			defer f.Close()
			_, err = f.Write([]byte("new"))
			require.NoError(t, err)
			require.NoError(t, f.Commit())

			fi, err := os.Lstat(filepath.Join(dir, "out"))
			require.NoError(t, err)
			assert.Equal(t, fs.ModeSymlink, fi.Mode()&fs.ModeSymlink, "the link stays a link")
			got, err := os.ReadFile(target)
			require.NoError(t, err)
			assert.Equal(t, "new", string(got))
			if before != nil {
				after, err := os.Stat(target)
				require.NoError(t, err)
				assert.Equal(t, before.Mode(), after.Mode(), "the target keeps its mode")
			}
			assert.NotContains(t, strings.Join(dirNames(t, filepath.Dir(target)), " "), ".tmp-")
		})
	}
}

func TestCreateFileLinkLoop(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.Symlink("b", filepath.Join(dir, "a")))
	require.NoError(t, os.Symlink("a", filepath.Join(dir, "b")))
	_, err := CreateFile(filepath.Join(dir, "a"))
	assert.ErrorContains(t, err, "too many levels of symbolic links")
}

// TestCreateFileFIFO: a named pipe is written through as the output is
// made, and stays a pipe.
func TestCreateFileFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "out.fifo")
	if err := mkfifo(fifo); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	got := make(chan string, 2)
	go func() {
		r, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		defer r.Close()
		buf := make([]byte, 5)
		n, _ := io.ReadFull(r, buf)
		got <- string(buf[:n]) // before the writer commits: streamed
		rest, _ := io.ReadAll(r)
		got <- string(rest)
	}()
	f, err := CreateFile(fifo)
	require.NoError(t, err)
	_, err = f.Write([]byte("first"))
	require.NoError(t, err)
	select {
	case s := <-got:
		assert.Equal(t, "first", s)
	case <-time.After(10 * time.Second):
		t.Fatal("the reader got nothing before Commit")
	}
	_, err = f.Write([]byte(" second"))
	require.NoError(t, err)
	require.NoError(t, f.Commit())
	assert.Equal(t, " second", <-got)
	fi, err := os.Lstat(fifo)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&fs.ModeNamedPipe, "still a pipe")
	assert.Equal(t, []string{"out.fifo"}, dirNames(t, dir))
}

// TestCreateFileDevice: a character device such as /dev/null is written
// to, never replaced by a regular file.
func TestCreateFileDevice(t *testing.T) {
	fi, err := os.Stat(os.DevNull)
	if err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
		t.Skipf("%s is not a character device here", os.DevNull)
	}
	f, err := CreateFile(os.DevNull)
	require.NoError(t, err)
	_, err = f.Write([]byte("gone"))
	require.NoError(t, err)
	require.NoError(t, f.Commit())
	require.NoError(t, f.Close())
	after, err := os.Lstat(os.DevNull)
	require.NoError(t, err)
	assert.Equal(t, fi.Mode(), after.Mode(), "still the device")
}

// TestCreateFileRemovesStaleTemps: temporary files of a process that is
// gone (killed with -9) are removed by the next run to the same output;
// those of a live process, of another output or not ours stay.
func TestCreateFileRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	dead := exec.Command(os.Args[0], "-test.run=^$")
	require.NoError(t, dead.Run())
	deadPID := strconv.Itoa(dead.Process.Pid)
	livePID := strconv.Itoa(os.Getppid())
	names := map[string]bool{ // name: kept
		".out.tsv.tmp-" + deadPID + "-abc":   false,
		".out.tsv.tmp-" + livePID + "-abc":   true,
		".other.tsv.tmp-" + deadPID + "-abc": true,
		".out.tsv.tmp-12345678":              true, // not named by this package
		".out.tsv.tmp-x-abc":                 true,
		"out.tsv.tmp-" + deadPID + "-abc":    true,
	}
	for name := range names {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte("half"), 0o600))
	}
	f, err := CreateFile(filepath.Join(dir, "out.tsv"))
	require.NoError(t, err)
	require.NoError(t, f.Commit())
	got := dirNames(t, dir)
	for name, kept := range names {
		assert.Equal(t, kept, slices.Contains(got, name), name)
	}
	assert.Contains(t, got, "out.tsv")
}

// TestDiscardPending: what a signal handler calls removes every temporary
// file not yet committed, and no file is committed after it.
func TestDiscardPending(t *testing.T) {
	defer func() {
		pending.mu.Lock()
		pending.discarded = false
		pending.mu.Unlock()
	}()
	dir := t.TempDir()
	var files []*File
	for _, name := range []string{"a.tsv", "b.tmx"} {
		f, err := CreateFile(filepath.Join(dir, name))
		require.NoError(t, err)
		defer f.Close()
		_, err = f.Write([]byte("half"))
		require.NoError(t, err)
		files = append(files, f)
	}
	done, err := CreateFile(filepath.Join(dir, "done.tsv"))
	require.NoError(t, err)
	require.NoError(t, done.Commit())

	assert.Equal(t, 2, DiscardPending())
	assert.Equal(t, []string{"done.tsv"}, dirNames(t, dir))
	assert.Error(t, files[0].Commit(), "no commit after a discard")
	assert.Equal(t, []string{"done.tsv"}, dirNames(t, dir))
}

func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	sq := filepath.Join(dir, "sq.txt")
	en := filepath.Join(dir, "en.txt")
	require.NoError(t, os.WriteFile(sq, []byte("Po."), 0o644))
	require.NoError(t, os.WriteFile(en, []byte("Yes."), 0o644))
	require.NoError(t, os.Symlink("sq.txt", filepath.Join(dir, "link")))
	require.NoError(t, os.Link(en, filepath.Join(dir, "hard")))
	wd, err := os.Getwd()
	require.NoError(t, err)
	rel, err := filepath.Rel(wd, sq)
	require.NoError(t, err)
	tests := []struct {
		name, out string
		err       string
	}{
		{"the source", sq, sq + ": the output is also an input: refusing to write over it"},
		{"another spelling", dir + "/./sub/../sq.txt", "the output is the input " + sq},
		{"a relative path", rel, "the output is the input " + sq},
		{"a link to the source", filepath.Join(dir, "link"), "the output is the input " + sq},
		{"a hard link to the target", filepath.Join(dir, "hard"), "the output is the input " + en},
		{"a new file", filepath.Join(dir, "out.tsv"), ""},
		{"the standard output", "-", ""},
		{"a device", os.DevNull, ""},
	}
	require.NoError(t, os.Mkdir(filepath.Join(dir, "sub"), 0o755))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckOutput(tt.out, sq, en, "-")
			if tt.err == "" {
				assert.NoError(t, err)
				return
			}
			assert.ErrorContains(t, err, tt.err)
		})
	}
	assert.NoError(t, CheckOutput(os.DevNull, os.DevNull), "only regular files are compared")
}
