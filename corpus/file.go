package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// File is an output file that appears under its name only when complete.
// Writes go to a temporary file beside the target; Commit renames it into
// place, and Close without Commit removes it, so that a failed or
// interrupted run never leaves a half-written output behind.
type File struct {
	path string
	f    *os.File // the temporary file; os.Stdout for "-"
	done bool
}

// CreateFile starts writing the file at path. The path "-" stands for the
// standard output, which is written directly. A directory at path is an
// error from the start rather than when the file is put in place.
func CreateFile(path string) (*File, error) {
	if path == "-" {
		return &File{path: path, f: os.Stdout}, nil
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("%s: is a directory", path)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		// Name the file asked for, not the temporary one.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &fs.PathError{Op: "create", Path: path, Err: err}
	}
	return &File{path: path, f: f}, nil
}

// Name is the path the file will have once committed.
func (f *File) Name() string { return f.path }

// Write writes to the temporary file.
func (f *File) Write(p []byte) (int, error) {
	if f.done {
		return 0, fmt.Errorf("write %s: file already closed", f.path)
	}
	return f.f.Write(p)
}

// Commit makes the written file visible under its name, replacing any
// file there.
func (f *File) Commit() error {
	if f.done {
		return fmt.Errorf("commit %s: file already closed", f.path)
	}
	f.done = true
	if f.f == os.Stdout {
		return nil
	}
	tmp := f.f.Name()
	// CreateTemp makes the file private; an export is meant to be shared
	// like any file the user creates.
	err := errors.Join(f.f.Chmod(0o644), f.f.Sync(), f.f.Close())
	if err == nil {
		err = os.Rename(tmp, f.path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	return nil
}

// Close discards the file unless it was committed. It is safe to defer
// Close right after CreateFile and call Commit on success.
func (f *File) Close() error {
	if f.done {
		return nil
	}
	f.done = true
	if f.f == os.Stdout {
		return nil
	}
	f.f.Close()
	return os.Remove(f.f.Name())
}

var _ io.WriteCloser = (*File)(nil)
