package review

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/paralel/paralel/corpus"
)

// LockExt ends the name of the lock file that a running review keeps
// beside its export: out.tmx is locked by out.tmx.review.lock.
const LockExt = ".review.lock"

// A Lock says that a review is running on an export, so that a second
// review of the same output cannot resume the session behind the first's
// back and overwrite its fixes. The lock file holds the process id and the
// address of the review; a lock whose process has died, or that no longer
// answers at its address, is stale and taken over.
type Lock struct {
	path  string
	owner lockOwner
}

type lockOwner struct {
	PID  int    `json:"pid"`
	Addr string `json:"addr"` // host:port of the review's server
}

// LockedError reports an export that another review holds.
type LockedError struct {
	Export string
	File   string // the lock file
	PID    int
	Addr   string
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("%s is under review by process %d at http://%s/ (lock file %s): finish that review, or stop it with Ctrl+C, first",
		e.Export, e.PID, e.Addr, e.File)
}

// LockExport takes the lock of the review of export, served at addr
// (host:port). It fails with a *LockedError while another live review holds
// it.
func LockExport(export, addr string) (*Lock, error) {
	l := &Lock{path: export + LockExt, owner: lockOwner{PID: os.Getpid(), Addr: addr}}
	data, err := json.Marshal(l.owner)
	if err != nil {
		return nil, err
	}
	// The lock file appears with its content or not at all: written aside,
	// then linked into place, which fails if a lock is there already.
	tmp, err := os.CreateTemp(filepath.Dir(l.path), "."+filepath.Base(l.path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", export, err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(append(data, '\n'))
	if err = errors.Join(err, tmp.Close()); err != nil {
		return nil, fmt.Errorf("lock %s: %w", export, err)
	}
	err = os.Link(tmp.Name(), l.path)
	if errors.Is(err, fs.ErrExist) {
		if other, ok := readLock(l.path); ok && other.alive() {
			return nil, &LockedError{Export: export, File: l.path, PID: other.PID, Addr: other.Addr}
		}
		// Stale: take it over, then check that no other review took it at
		// the same moment.
		err = os.Rename(tmp.Name(), l.path)
		if err == nil {
			if got, ok := readLock(l.path); !ok || got != l.owner {
				return nil, &LockedError{Export: export, File: l.path, PID: got.PID, Addr: got.Addr}
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", export, err)
	}
	return l, nil
}

// File is the lock file's path.
func (l *Lock) File() string { return l.path }

// Release removes the lock file, if it is still this review's.
func (l *Lock) Release() error {
	if got, ok := readLock(l.path); ok && got == l.owner {
		return os.Remove(l.path)
	}
	return nil
}

// readLock reads a lock file; ok is false when there is none or it cannot
// be read as one.
func readLock(path string) (o lockOwner, ok bool) {
	data, err := os.ReadFile(path)
	if err != nil || len(data) > 4096 {
		return o, false
	}
	if json.Unmarshal(data, &o) != nil || o.PID <= 0 {
		return lockOwner{}, false
	}
	return o, true
}

// alive reports whether the review that wrote the lock still runs: its
// process exists and something answers at its address (a process id may
// have been reused since, or belong to another machine's review on a shared
// disk).
func (o lockOwner) alive() bool {
	if !corpus.ProcessAlive(o.PID) {
		return false
	}
	c, err := net.DialTimeout("tcp", o.Addr, 2*time.Second)
	if err != nil {
		return false
	}
	c.Close()
	return true
}
