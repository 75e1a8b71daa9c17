/* output: files the commands write (-o): whole or not at all, with the permissions they had. */
#define _POSIX_C_SOURCE 200809L
#include "output.h"

#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The outputs whose temporary file exists now, for the signal handler: a list through
 * the outputs themselves, so that the handler reads it without allocating, changed only
 * while the signals it handles are held. */
static oap_output *volatile pending;
static sigset_t caught;

static void on_signal(int sig)
{
    /* Async-signal-safe only: unlink, signal, raise. */
    for (oap_output *o = pending; o; o = o->next)
        unlink(o->tmp);
    signal(sig, SIG_DFL);
    raise(sig); /* delivered when the handler returns: the signal's own status */
}

void oap_output_catch_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&caught);
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaddset(&caught, sigs[i]);
    sa.sa_handler = on_signal;
    sa.sa_mask = caught;
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction old;
        /* nohup and a shell's background jobs ignore some: so must we. */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL);
    }
}

static void hold(sigset_t *old)
{
    sigprocmask(SIG_BLOCK, &caught, old);
}

static void release(const sigset_t *old)
{
    sigprocmask(SIG_SETMASK, old, NULL);
}

/* Call with the signals held. */
static void remember(oap_output *o)
{
    o->prev = NULL;
    o->next = pending;
    if (pending)
        pending->prev = o;
    pending = o;
}

static void forget(oap_output *o)
{
    if (o->prev)
        o->prev->next = o->next;
    else if (pending == o)
        pending = o->next;
    if (o->next)
        o->next->prev = o->prev;
    o->prev = o->next = NULL;
}

int oap_output_stdout_closed(void)
{
    struct stat st;
    if (fstat(STDOUT_FILENO, &st) != 0 || !(S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)))
        return 0;
    /* The write end of a pipe without readers polls as an error (POLLERR), a socket
     * whose peer has gone as hung up. */
    struct pollfd p = {.fd = STDOUT_FILENO, .events = POLLOUT};
    return poll(&p, 1, 0) > 0 && (p.revents & (POLLERR | POLLHUP)) != 0;
}

int oap_output_same_file(const char *path, const struct stat *st)
{
    struct stat b;
    return stat(path, &b) == 0 && st->st_dev == b.st_dev && st->st_ino == b.st_ino;
}

/* Whether st is the file of one of the plans of set (NULL: none). */
static int is_plan(const struct stat *st, const oap_planset *set)
{
    for (size_t i = 0; set && i < oap_planset_file_count(set); i++)
        if (oap_output_same_file(oap_planset_file(set, i), st))
            return 1;
    return 0;
}

int oap_output_is_input(const char *path, const oap_planset *set)
{
    struct stat st;
    return stat(path, &st) == 0 && is_plan(&st, set);
}

/* The kernel's own files: /dev/stdout and /proc/self/fd/1 are links that readlink
 * cannot follow to a path (a pipe reads "pipe:[1234]"), and a device is not replaced. */
static int kernel_path(const char *path)
{
    return strncmp(path, "/dev/", 5) == 0 || strncmp(path, "/proc/", 6) == 0;
}

/* The file path names once its symbolic links are followed (a relative link read from
 * the link's own folder); it may not exist yet. *kernel is set when the way passes
 * through /dev or /proc. Malloc'ed; NULL with errno set (ELOOP, ENAMETOOLONG, ENOMEM). */
static char *follow_links(const char *path, int *kernel)
{
    char *cur = strdup(path);
    *kernel = 0;
    for (int hops = 0; cur; hops++) {
        struct stat st;
        *kernel |= kernel_path(cur);
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
            return cur;
        char link[PATH_MAX];
        ssize_t n = hops < 40 ? readlink(cur, link, sizeof link) : -1;
        if (n < 0 || (size_t)n >= sizeof link) {
            int e = hops >= 40 ? ELOOP : n < 0 ? errno : ENAMETOOLONG;
            free(cur);
            errno = e;
            return NULL;
        }
        const char *slash = strrchr(cur, '/');
        size_t dir = link[0] == '/' || !slash ? 0 : (size_t)(slash - cur) + 1;
        char *next = malloc(dir + (size_t)n + 1);
        if (next) {
            memcpy(next, cur, dir);
            memcpy(next + dir, link, (size_t)n);
            next[dir + (size_t)n] = '\0';
        }
        free(cur);
        cur = next;
    }
    errno = ENOMEM;
    return NULL;
}

/* The folder of path with its final '/', or "" for the current one; malloc'ed. */
static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) + 1 : 0;
    char *dir = malloc(n + 1);
    if (dir) {
        memcpy(dir, path, n);
        dir[n] = '\0';
    }
    return dir;
}

int oap_output_in_folder(const oap_output *o, const struct stat *dir)
{
    struct stat st;
    char *folder = o->direct ? NULL : folder_of(o->target);
    int in = folder && stat(*folder ? folder : ".", &st) == 0 && st.st_dev == dir->st_dev &&
             st.st_ino == dir->st_ino;
    free(folder);
    return in;
}

/* Gives up and frees, with the temporary file already gone. */
static void clear(oap_output *o)
{
    if (o->f && o->f != stdout)
        fclose(o->f);
    free(o->buf);
    free(o->tmp);
    free(o->target);
    free(o->path);
    memset(o, 0, sizeof *o);
}

int oap_output_open(oap_output *o, const char *path, const oap_planset *set)
{
    memset(o, 0, sizeof *o);
    if (!path || strcmp(path, "-") == 0) {
        o->f = stdout;
        return 0;
    }
    struct stat st;
    int exists = stat(path, &st) == 0, kernel = 0, e = 0;
    char *dir = NULL;
    if (!(o->path = strdup(path)))
        goto nomem;
    if (exists && S_ISDIR(st.st_mode)) {
        oap_cli_error("cannot write '%s': it is a folder", path);
        goto fail;
    }
    if (exists && is_plan(&st, set)) {
        oap_cli_error("refusing to write '%s': it is one of the input plans", path);
        goto fail;
    }
    if (!(o->target = follow_links(path, &kernel))) {
        if (errno == ENOMEM)
            goto nomem;
        e = errno;
    } else if ((exists && !S_ISREG(st.st_mode)) || kernel) {
        /* A device or a pipe (/dev/stdout, a FIFO) cannot be replaced by a rename, and
         * must not be: it is written directly, through its links as the kernel reads
         * them. */
        o->direct = 1;
        free(o->target);
        if (!(o->target = strdup(path)))
            goto nomem;
        if (access(path, W_OK) != 0)
            e = errno;
    } else {
        if (exists) {
            o->existed = 1;
            o->mode = st.st_mode;
            o->uid = st.st_uid;
            o->gid = st.st_gid;
        }
        /* Where the temporary file will be made; asked now, so that a missing or
         * read-only folder stops the command before its work. */
        if (!(dir = folder_of(o->target)))
            goto nomem;
        if (access(*dir ? dir : ".", W_OK | X_OK) != 0)
            e = errno;
        free(dir);
    }
    if (e) {
        oap_cli_error("cannot write '%s': %s", path, strerror(e));
        goto fail;
    }
    if (!(o->f = open_memstream(&o->buf, &o->len)))
        goto nomem;
    return 0;
nomem:
    oap_cli_error("out of memory");
fail:
    clear(o);
    return -1;
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Gives the temporary file fd the permissions of the file it replaces: its mode, owner
 * and group. A user who is not root cannot give a file away, nor to a group they are
 * not in: the file is then theirs, and when its group cannot be kept the group's
 * permissions go too, so that no other group can read what the old one could (said on
 * standard error). A new file gets 0666 less the umask, as any file the user makes. */
static void set_permissions(const oap_output *o, int fd)
{
    mode_t mode;
    if (!o->existed) {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    } else {
        /* Set-user-ID, set-group-ID and sticky bits have no meaning on an output. */
        mode = o->mode & 0777;
        if (fchown(fd, o->uid, o->gid) != 0) {
            int e = errno;
            if (fchown(fd, (uid_t)-1, o->gid) != 0)
                mode &= ~(mode_t)070;
            struct stat now;
            if (fstat(fd, &now) == 0)
                oap_cli_error("'%s' belonged to user %ld, group %ld, and this run cannot give "
                              "it to them (%s): it now belongs to user %ld, group %ld, with "
                              "mode %04o",
                              o->path, (long)o->uid, (long)o->gid, strerror(e), (long)now.st_uid,
                              (long)now.st_gid, (unsigned)mode);
        }
    }
    fchmod(fd, mode);
}

int oap_output_stage(oap_output *o)
{
    if (!o->path) {
        if (fflush(stdout) == 0 && !ferror(stdout))
            return 0;
        if (oap_output_stdout_closed())
            return 0; /* the reader has what it wanted */
        oap_cli_error("cannot write to standard output");
        return -1;
    }
    if (o->staged)
        return 0;
    int e = 0, fd = -1;
    char *dir = NULL;
    sigset_t old;
    /* A stream in memory fails only when memory does. */
    int failed = ferror(o->f);
    if (fclose(o->f) != 0)
        failed = 1;
    o->f = NULL;
    if (failed) {
        e = ENOMEM;
        goto done;
    }
    if (o->direct) {
        fd = open(o->target, O_WRONLY | O_NOCTTY | O_TRUNC);
        if (fd < 0 || write_all(fd, o->buf, o->len) < 0)
            e = errno;
        goto done;
    }
    static const char name[] = ".oapgraph-XXXXXX";
    if (!(dir = folder_of(o->target)) || !(o->tmp = malloc(strlen(dir) + sizeof name))) {
        e = ENOMEM;
        goto done;
    }
    strcpy(o->tmp, dir);
    strcat(o->tmp, name);
    /* Made and remembered at once, so that no signal comes between. */
    hold(&old);
    fd = mkstemp(o->tmp);
    if (fd >= 0)
        remember(o);
    else
        e = errno;
    release(&old);
    if (fd < 0) {
        free(o->tmp);
        o->tmp = NULL;
        goto done;
    }
    /* Permissions before content: what the file will hold is never readable by more
     * than the file it replaces (mkstemp makes it 0600). */
    set_permissions(o, fd);
    if (write_all(fd, o->buf, o->len) < 0 || (fsync(fd) != 0 && errno != EINVAL))
        e = errno;
done:
    if (fd >= 0 && close(fd) != 0 && !e && errno != EINTR)
        e = errno;
    free(dir);
    free(o->buf);
    o->buf = NULL;
    if (e) {
        oap_cli_error("cannot write '%s': %s", o->path, strerror(e));
        oap_output_abort(o);
        return -1;
    }
    o->staged = 1;
    return 0;
}

/* Renames o's temporary file into place; call with the signals held. */
static int put_in_place(oap_output *o)
{
    int rc = 0;
    if (o->tmp && rename(o->tmp, o->target) != 0) {
        oap_cli_error("cannot write '%s': %s", o->path, strerror(errno));
        unlink(o->tmp);
        rc = -1;
    }
    if (o->tmp)
        forget(o);
    clear(o);
    return rc;
}

int oap_output_commit(oap_output *o)
{
    if (oap_output_stage(o) < 0)
        return -1;
    sigset_t old;
    hold(&old);
    int rc = put_in_place(o);
    release(&old);
    return rc;
}

int oap_output_commit_all(oap_output *o, size_t n)
{
    int rc = 0;
    sigset_t old;
    hold(&old);
    for (size_t i = 0; i < n; i++)
        if (put_in_place(&o[i]) < 0)
            rc = -1;
    release(&old);
    return rc;
}

void oap_output_abort(oap_output *o)
{
    if (o->tmp) {
        sigset_t old;
        hold(&old);
        unlink(o->tmp);
        forget(o);
        release(&old);
    }
    struct stat st;
    if (o->direct && !o->staged && stat(o->target, &st) == 0 && S_ISFIFO(st.st_mode)) {
        /* A reader already waiting at the FIFO gets an empty output rather than waiting
         * for ever; with no reader, opening fails at once and nothing happens. */
        int fd = open(o->target, O_WRONLY | O_NONBLOCK | O_NOCTTY);
        if (fd >= 0)
            close(fd);
    }
    clear(o);
}

int oap_output_finish(oap_output *o, int status)
{
    if (status == EXIT_TROUBLE) {
        oap_output_abort(o);
        return status;
    }
    return oap_output_commit(o) < 0 ? EXIT_TROUBLE : status;
}
