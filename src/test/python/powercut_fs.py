#!/usr/bin/python3
"""A pass-through FUSE file system with a power switch, for Envoi's power-cut campaign.

Usage: powercut_fs.py LIVE MOUNTPOINT IMAGE SEED TORN

Every operation goes straight through to the folder LIVE (so reads, locks and SQLite's shared
memory mmap behave as on any disk), while this process keeps, beside it, what a disk would hold
after losing power: the *durable* state. A file's bytes become durable when the file is synced
(fsync or fdatasync); a name (create, mkdir, rename, unlink) becomes durable when the folder that
holds it is synced. Nothing else counts: not closing a file, not syncing the file for its name.

Unmounting is the power cut: the durable state is written out as a new folder IMAGE, and the
process prints one line of figures. With TORN=1 some unsynced pages reach the "disk" anyway, at
random (seeded by SEED), each 4 KiB page on its own, and a file's size is either its synced one
or its latest; that is what a page cache flushing in any order leaves. Names are strict: an
unsynced name is always lost. The next trial mounts IMAGE as its LIVE folder.

Metadata (modes, times) is not modelled: it is taken from the live file when the image is made.
"""
import errno
import os
import random
import stat
import subprocess
import sys
import threading
import time

from fusepy import FUSE, FuseOSError, Operations

PAGE = 4096


class Pending:
    """A file's writes since its last sync: the pages as they are now, and the sizes it had."""

    def __init__(self, size):
        self.pages = {}
        self.size = size
        self.min_size = size


class PowerCutFs(Operations):
    use_ns = True

    def __init__(self, live, state):
        self.live = live
        self.state = state
        self.mutex = threading.RLock()
        self.next_id = 0
        self.by_ino = {}        # backing inode number -> our id (ids are never reused)
        self.kind = {}          # id -> 'd', 'f' or 'o' (sockets and the like, not kept)
        self.durable_dirs = {}  # id -> {name: id}, as of the folder's last sync
        self.durable_size = {}  # id -> length of the file's synced bytes (kept in STATE/<id>)
        self.pending = {}       # id -> Pending
        self.handles = {}       # fh -> id
        self.syncs = 0
        self._scan()

    # ---- identity -------------------------------------------------------------------------

    def _real(self, path):
        return os.path.join(self.live, path.lstrip('/'))

    def _new_id(self, ino, kind):
        self.next_id += 1
        self.by_ino[ino] = self.next_id
        self.kind[self.next_id] = kind
        if kind == 'd':
            self.durable_dirs[self.next_id] = {}
        elif kind == 'f':
            self.durable_size[self.next_id] = 0
        return self.next_id

    def _id(self, path):
        st = os.lstat(self._real(path))
        found = self.by_ino.get(st.st_ino)
        if found is None:
            found = self._new_id(st.st_ino, self._kind_of(st))
        return found

    @staticmethod
    def _kind_of(st):
        if stat.S_ISDIR(st.st_mode):
            return 'd'
        return 'f' if stat.S_ISREG(st.st_mode) else 'o'

    def _blob(self, ident):
        return os.path.join(self.state, str(ident))

    def _scan(self):
        """What is in LIVE at mount time is on the disk already: all of it durable."""
        root = os.lstat(self.live)
        self._new_id(root.st_ino, 'd')
        for folder, dirs, files in os.walk(self.live):
            ident = self.by_ino[os.lstat(folder).st_ino]
            listing = {}
            for name in dirs + files:
                full = os.path.join(folder, name)
                st = os.lstat(full)
                child = self._new_id(st.st_ino, self._kind_of(st))
                listing[name] = child
                if self.kind[child] == 'f':
                    with open(full, 'rb') as src, open(self._blob(child), 'wb') as dst:
                        dst.write(src.read())
                    self.durable_size[child] = st.st_size
            self.durable_dirs[ident] = listing

    def _forget_if_last_name(self, path):
        """Before a name goes (unlink, rmdir, rename over it): its inode number may be reused."""
        try:
            st = os.lstat(self._real(path))
        except FileNotFoundError:
            return None
        if stat.S_ISDIR(st.st_mode) or st.st_nlink <= 1:
            return st.st_ino
        return None

    # ---- the page cache -------------------------------------------------------------------

    def _pending(self, ident, fd):
        p = self.pending.get(ident)
        if p is None:
            p = Pending(self.durable_size.get(ident, 0))
            self.pending[ident] = p
        return p

    def _note_write(self, ident, fd, offset, length):
        p = self._pending(ident, fd)
        for page in range(offset // PAGE, (offset + max(length, 1) - 1) // PAGE + 1):
            p.pages[page] = os.pread(fd, PAGE, page * PAGE)
        p.size = os.fstat(fd).st_size

    def _note_truncate(self, ident, fd, length):
        p = self._pending(ident, fd)
        last = (length + PAGE - 1) // PAGE
        for page in [n for n in p.pages if n >= last]:
            del p.pages[page]
        if length % PAGE:
            p.pages[length // PAGE] = os.pread(fd, PAGE, (length // PAGE) * PAGE)
        p.size = length
        p.min_size = min(p.min_size, length)

    def _commit(self, ident):
        p = self.pending.pop(ident, None)
        if p is None:
            return
        self.syncs += 1
        self._apply(ident, p, self._blob(ident), lambda: True, p.size)
        self.durable_size[ident] = p.size

    def _apply(self, ident, p, target, keep, size):
        mode = 'r+b' if os.path.exists(target) else 'w+b'
        with open(target, mode) as out:
            out.truncate(min(p.min_size, self.durable_size.get(ident, 0)))
            for page in sorted(p.pages):
                if keep():
                    out.seek(page * PAGE)
                    out.write(p.pages[page])
            out.truncate(size)

    # ---- operations -----------------------------------------------------------------------

    def getattr(self, path, fh=None):
        st = os.lstat(self._real(path))
        return {key: getattr(st, key) for key in ('st_mode', 'st_nlink', 'st_uid', 'st_gid', 'st_size')} | {
            'st_atime': st.st_atime_ns, 'st_mtime': st.st_mtime_ns, 'st_ctime': st.st_ctime_ns}

    def access(self, path, amode):
        if not os.access(self._real(path), amode):
            raise FuseOSError(errno.EACCES)

    def readdir(self, path, fh):
        return ['.', '..'] + os.listdir(self._real(path))

    def readlink(self, path):
        return os.readlink(self._real(path))

    def chmod(self, path, mode):
        os.chmod(self._real(path), mode)

    def chown(self, path, uid, gid):
        os.lchown(self._real(path), uid, gid)

    def utimens(self, path, times=None):
        os.utime(self._real(path), ns=times, follow_symlinks=False)

    def statfs(self, path):
        sv = os.statvfs(self._real(path))
        return {key: getattr(sv, key) for key in ('f_bavail', 'f_bfree', 'f_blocks', 'f_bsize', 'f_favail',
                                                  'f_ffree', 'f_files', 'f_flag', 'f_frsize', 'f_namemax')}

    def mkdir(self, path, mode):
        with self.mutex:
            os.mkdir(self._real(path), mode)
            self._new_id(os.lstat(self._real(path)).st_ino, 'd')

    def mknod(self, path, mode, dev):
        with self.mutex:
            os.mknod(self._real(path), mode, dev)
            self._new_id(os.lstat(self._real(path)).st_ino, 'o')

    def rmdir(self, path):
        with self.mutex:
            ino = self._forget_if_last_name(path)
            os.rmdir(self._real(path))
            self.by_ino.pop(ino, None)

    def unlink(self, path):
        with self.mutex:
            ino = self._forget_if_last_name(path)
            os.unlink(self._real(path))
            self.by_ino.pop(ino, None)

    def rename(self, old, new):
        with self.mutex:
            moving = os.lstat(self._real(old)).st_ino
            replaced = self._forget_if_last_name(new)
            os.rename(self._real(old), self._real(new))
            if replaced is not None and replaced != moving:
                self.by_ino.pop(replaced, None)

    def symlink(self, target, source):
        raise FuseOSError(errno.EPERM)  # Envoi makes none; not modelled

    def link(self, target, source):
        raise FuseOSError(errno.EPERM)  # Envoi makes none; not modelled

    def create(self, path, mode, fi=None):
        with self.mutex:
            # Read-write whatever the caller asked: a write-only backing file cannot serve the
            # page faults of a shared mmap (SQLite's -shm), which then die with SIGBUS.
            fd = os.open(self._real(path), os.O_RDWR | os.O_CREAT, mode)
            st = os.fstat(fd)
            ident = self.by_ino.get(st.st_ino) or self._new_id(st.st_ino, 'f')
            self.handles[fd] = ident
            return fd

    def open(self, path, flags):
        with self.mutex:
            keep = flags & ~(os.O_ACCMODE | os.O_APPEND | os.O_CREAT | os.O_EXCL | os.O_TRUNC)
            try:
                fd = os.open(self._real(path), keep | os.O_RDWR)
            except PermissionError:
                fd = os.open(self._real(path), flags & ~(os.O_APPEND | os.O_TRUNC | os.O_CREAT))
            ident = self._id(path)
            self.handles[fd] = ident
            if flags & os.O_TRUNC:
                os.ftruncate(fd, 0)
                self._note_truncate(ident, fd, 0)
            return fd

    def read(self, path, size, offset, fh):
        return os.pread(fh, size, offset)

    def write(self, path, data, offset, fh):
        with self.mutex:
            written = os.pwrite(fh, data, offset)
            self._note_write(self.handles[fh], fh, offset, written)
            return written

    def truncate(self, path, length, fh=None):
        with self.mutex:
            if fh is not None and fh in self.handles:
                os.ftruncate(fh, length)
                self._note_truncate(self.handles[fh], fh, length)
                return
            fd = os.open(self._real(path), os.O_RDWR)
            try:
                os.ftruncate(fd, length)
                self._note_truncate(self._id(path), fd, length)
            finally:
                os.close(fd)

    def flush(self, path, fh):
        return 0  # closing is not syncing

    def release(self, path, fh):
        with self.mutex:
            self.handles.pop(fh, None)
            os.close(fh)

    def fsync(self, path, datasync, fh):
        with self.mutex:
            self._commit(self.handles[fh])

    def opendir(self, path):
        return 0

    def releasedir(self, path, fh):
        return 0

    def fsyncdir(self, path, datasync, fh):
        with self.mutex:
            self.syncs += 1
            real = self._real(path)
            self.durable_dirs[self._id(path)] = {name: self._id(os.path.join(path, name))
                                                 for name in os.listdir(real)}

    # ---- the cut --------------------------------------------------------------------------

    def write_image(self, image, rng, torn):
        """The disk as the power cut leaves it; returns the figures of what was lost."""
        figures = {'dirty_files': len(self.pending), 'dirty_pages': sum(len(p.pages) for p in self.pending.values()),
                   'pages_kept': 0, 'names_lost': 0, 'names_back': 0, 'syncs': self.syncs}
        os.makedirs(image, exist_ok=True)
        self._write_dir(self.by_ino[os.lstat(self.live).st_ino], self.live, image, rng, torn, figures, 0)
        return figures

    def _write_dir(self, ident, live, out, rng, torn, figures, depth):
        listing = self.durable_dirs.get(ident, {})
        try:
            now = set(os.listdir(live)) if live else set()
        except OSError:
            now = set()
        figures['names_lost'] += len(now - set(listing))
        figures['names_back'] += len(set(listing) - now)
        for name in sorted(listing):
            child = listing[name]
            kind = self.kind.get(child)
            source = os.path.join(live, name) if live and name in now else None
            target = os.path.join(out, name)
            if kind == 'd' and depth < 64:
                os.mkdir(target, 0o700)
                self._write_dir(child, source, target, rng, torn, figures, depth + 1)
            elif kind == 'f':
                self._write_file(child, target, rng, torn, figures)
            if source and kind in ('d', 'f'):
                os.chmod(target, stat.S_IMODE(os.lstat(source).st_mode))

    def _write_file(self, ident, target, rng, torn, figures):
        blob = self._blob(ident)
        with open(target, 'wb') as out:
            if os.path.exists(blob):
                with open(blob, 'rb') as src:
                    out.write(src.read(self.durable_size.get(ident, 0)))
        p = self.pending.get(ident)
        if torn and p is not None:
            size = rng.choice([self.durable_size.get(ident, 0), p.size])

            def keep():
                kept = rng.random() < 0.5
                figures['pages_kept'] += kept
                return kept

            self._apply(ident, p, target, keep, size)


def mounted(mountpoint):
    with open('/proc/self/mounts') as mounts:
        return any(line.split()[1] == mountpoint for line in mounts)


def unmount_when_orphaned(mountpoint, parent):
    """If the test that started this dies, the mount must not outlive it."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            subprocess.run(['fusermount', '-u', '-z', mountpoint], check=False)
            return


def main():
    live, mountpoint, image, seed, torn = sys.argv[1:6]
    live, mountpoint = os.path.abspath(live), os.path.abspath(mountpoint)
    state = image.rstrip('/') + '.state'
    os.makedirs(state, exist_ok=True)
    fs = PowerCutFs(live, state)
    threading.Thread(target=unmount_when_orphaned, args=(mountpoint, os.getppid()), daemon=True).start()
    FUSE(fs, mountpoint, foreground=True, nothreads=False, fsname='powercut')
    with fs.mutex:
        figures = fs.write_image(image, random.Random(int(seed)), torn == '1')
    print('cut ' + ' '.join('%s=%d' % item for item in sorted(figures.items())), flush=True)


if __name__ == '__main__':
    main()
