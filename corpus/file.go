package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// File is an output file that appears under its name only when complete.
// Writes go to a temporary file beside the target; Commit renames it into
// place, and Close without Commit removes it, so that a failed or
// interrupted run never leaves a half-written output behind.
//
// The path is taken as a shell redirection takes it: a symbolic link is
// followed, and the file it points to is replaced (the link stays); a
// named pipe, a character device (/dev/null, /dev/stdout) and "-", the
// standard output, are written through as the output is made, since they
// cannot be replaced. A file that exists keeps its permissions; a new one
// gets 0666 less the umask, as from the shell.
type File struct {
	path   string
	target string   // path with its symbolic links followed
	f      *os.File // the temporary file, or the pipe, device or os.Stdout written through
	temp   bool     // f is a temporary file, to rename on Commit
	done   bool
	ctx    context.Context // once it is cancelled, nothing more is written or committed
}

// CreateFile starts writing the file at path. A directory at path is an
// error from the start rather than when the file is put in place, and so
// is a path that names a socket. Temporary files left beside path by
// earlier runs that were killed are removed.
func CreateFile(path string) (*File, error) {
	return CreateFileContext(context.Background(), path)
}

// CreateFileContext is CreateFile for a run that ctx may cancel (Ctrl+C):
// once ctx is cancelled, Write and Commit fail with its error, so that an
// interrupted run stops writing and leaves no output, however much of it
// was written.
func CreateFileContext(ctx context.Context, path string) (*File, error) {
	f, err := createFile(path)
	if err != nil {
		return nil, err
	}
	f.ctx = ctx
	return f, nil
}

func createFile(path string) (*File, error) {
	if path == "-" {
		return &File{path: path, target: path, f: os.Stdout}, nil
	}
	target, err := followLinks(path)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(target)
	switch {
	case err == nil && fi.IsDir():
		return nil, fmt.Errorf("%s: is a directory", path)
	case err == nil && writeThrough(fi.Mode()):
		f, err := os.OpenFile(target, os.O_WRONLY, 0)
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: path, Err: underlying(err)}
		}
		return &File{path: path, target: target, f: f}, nil
	case err == nil && !fi.Mode().IsRegular():
		return nil, fmt.Errorf("%s: not a regular file, a pipe or a device: cannot write to it", path)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, &fs.PathError{Op: "create", Path: path, Err: underlying(err)}
	}
	exists := err == nil
	perm := fs.FileMode(0o666) // less the umask, which the system applies
	if exists {
		perm = fi.Mode().Perm()
	}
	removeStaleTemps(target)
	f, err := createTemp(target, perm)
	if err != nil {
		return nil, &fs.PathError{Op: "create", Path: path, Err: underlying(err)}
	}
	if exists {
		// The file keeps its mode exactly, though the umask narrowed the
		// temporary file's; failing that, it has the narrower mode.
		_ = f.Chmod(perm)
	}
	pending.add(f)
	return &File{path: path, target: target, f: f, temp: true}, nil
}

// writeThrough reports whether a file of this mode is written in place:
// a named pipe or a character device, which a rename would replace by a
// regular file.
func writeThrough(m fs.FileMode) bool {
	return m&fs.ModeNamedPipe != 0 || m&fs.ModeCharDevice != 0
}

// underlying is the error of a *fs.PathError without its path, so that a
// message names the file asked for rather than a temporary or linked one.
func underlying(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// maxLinks bounds the symbolic links followed, as the system does (ELOOP).
const maxLinks = 40

// followLinks returns the file that path names once its symbolic links
// are followed, which need not exist yet: a link to a missing file names
// the file to create, as for a shell redirection.
func followLinks(path string) (string, error) {
	for range maxLinks {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", &fs.PathError{Op: "create", Path: path, Err: underlying(err)}
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", path)
}

// tempPrefix is the start of the name of the temporary file for target,
// which the process id follows: ".out.tmx.tmp-1234-".
func tempPrefix(target string) string {
	return "." + filepath.Base(target) + ".tmp-"
}

// createTemp creates a new temporary file beside target, named after it
// and this process, so that a later run can tell whether its writer is
// still alive.
func createTemp(target string, perm fs.FileMode) (*os.File, error) {
	prefix := filepath.Join(filepath.Dir(target), tempPrefix(target)+strconv.Itoa(os.Getpid())+"-")
	for range 1000 {
		f, err := os.OpenFile(prefix+strconv.FormatUint(uint64(rand.Uint32()), 36), os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, fs.ErrExist
}

// removeStaleTemps removes the temporary files beside target that earlier
// runs left when they were killed (kill -9, a power cut): those whose
// process is gone. Files of a live process, or not named by this package,
// are left alone.
func removeStaleTemps(target string) {
	dir := filepath.Dir(target)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := tempPrefix(target)
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		pidText, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid <= 0 || pid == os.Getpid() || ProcessAlive(pid) {
			continue
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

// Name is the path the file will have once committed.
func (f *File) Name() string { return f.path }

// Write writes to the temporary file, or through to a pipe or device.
func (f *File) Write(p []byte) (int, error) {
	if f.done {
		return 0, fmt.Errorf("write %s: file already closed", f.path)
	}
	if err := f.cancelled(); err != nil {
		return 0, err
	}
	return f.f.Write(p)
}

// Commit makes the written file visible under its name, replacing any
// file there (through a symbolic link, the file it points to).
func (f *File) Commit() error {
	if f.done {
		return fmt.Errorf("commit %s: file already closed", f.path)
	}
	if err := f.cancelled(); err != nil {
		f.Close()
		return err
	}
	f.done = true
	if f.f == os.Stdout {
		return nil
	}
	if !f.temp {
		if err := f.f.Close(); err != nil {
			return fmt.Errorf("write %s: %w", f.path, underlying(err))
		}
		return nil
	}
	tmp := f.f.Name()
	err := errors.Join(f.f.Sync(), f.f.Close())
	if err == nil {
		err = pending.commit(f.f, f.target)
	}
	if err != nil {
		pending.remove(f.f)
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", f.path, underlying(err))
	}
	return nil
}

// cancelled is the error of a write once the run is cancelled.
func (f *File) cancelled() error {
	if f.ctx == nil {
		return nil
	}
	if err := f.ctx.Err(); err != nil {
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	return nil
}

// Close discards the file unless it was committed. It is safe to defer
// Close right after CreateFile and call Commit on success. What was
// written through to a pipe or device stays written.
func (f *File) Close() error {
	if f.done {
		return nil
	}
	f.done = true
	if f.f == os.Stdout {
		return nil
	}
	f.f.Close()
	if !f.temp {
		return nil
	}
	pending.remove(f.f)
	return os.Remove(f.f.Name())
}

var _ io.WriteCloser = (*File)(nil)

// pending holds the temporary files of the Files not yet committed or
// closed, for DiscardPending.
var pending = pendingFiles{files: make(map[*os.File]bool)}

type pendingFiles struct {
	mu        sync.Mutex
	files     map[*os.File]bool
	discarded bool
}

func (p *pendingFiles) add(f *os.File) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.files[f] = true
}

func (p *pendingFiles) remove(f *os.File) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.files, f)
}

// commit renames f to target unless DiscardPending came first.
func (p *pendingFiles) commit(f *os.File, target string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.discarded {
		return errors.New("interrupted")
	}
	delete(p.files, f)
	return os.Rename(f.Name(), target)
}

// DiscardPending removes the temporary files of every File neither
// committed nor closed, and keeps any from being committed later. A
// program calls it when a signal stops it, before it exits, so that an
// interrupted run leaves no temporary file behind. It returns how many
// files it removed.
func DiscardPending() int {
	p := &pending
	p.mu.Lock()
	defer p.mu.Unlock()
	p.discarded = true
	n := 0
	for f := range p.files {
		if os.Remove(f.Name()) == nil {
			n++
		}
		delete(p.files, f)
	}
	return n
}

// CheckOutput returns an error when the output path is one of the input
// files, whatever the names say (a link, "./", another spelling): an
// output replaces its file, so writing it would destroy the input before
// or while it is read. Only files that exist and are regular are compared;
// "-" is never an input's file.
func CheckOutput(path string, inputs ...string) error {
	if path == "-" || len(inputs) == 0 {
		return nil
	}
	out, err := os.Stat(path)
	if err != nil || !out.Mode().IsRegular() {
		return nil
	}
	for _, in := range inputs {
		if in == "-" || in == "" {
			continue
		}
		fi, err := os.Stat(in)
		if err == nil && os.SameFile(out, fi) {
			if in == path {
				return fmt.Errorf("%s: the output is also an input: refusing to write over it", path)
			}
			return fmt.Errorf("%s: the output is the input %s: refusing to write over it", path, in)
		}
	}
	return nil
}
