package org.autogradstudio.script.interp;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.PyIterator;

/**
 * What calling a generator function returns: the function's frame, run a piece at a time, from
 * one {@code yield} to the next.
 * <p>
 * The interpreter walks the syntax tree on the Java stack, so a suspended body needs a stack of
 * its own: the body runs on a thread of its own, and the two threads hand control to each other,
 * so exactly one of them runs at any moment, as with CPython's single thread. What is per thread
 * in the runtime (grad mode, print options: see {@link #carry}) travels with each hand-over, so the
 * body sees the state of whoever resumed it and leaves its own changes behind when it yields.
 * <p>
 * A generator nobody holds any more is found by its thread, which then ends without running any
 * more of the script (CPython would run its {@code finally} clauses, but here that would race with
 * the script's own thread).
 */
public final class PyGenerator implements PyIterator.Resumable {
    /** Per-thread runtime state that a generator's thread takes over from its caller, and hands back. */
    public interface ThreadState {
        Object save();

        void restore(Object saved);

        /** The state {@code save} reads and {@code restore} sets. */
        static ThreadState of(java.util.function.Supplier<Object> save, java.util.function.Consumer<Object> restore) {
            return new ThreadState() {
                @Override
                public Object save() {
                    return save.get();
                }

                @Override
                public void restore(Object saved) {
                    restore.accept(saved);
                }
            };
        }
    }

    private static final List<ThreadState> CARRIED = new CopyOnWriteArrayList<>();
    /** Java stack for a body (the script thread's is larger: a body rarely recurses deeply). */
    private static final long STACK_SIZE = 128L * 1024 * 1024;
    /** How often a suspended body looks whether its generator was dropped. */
    private static final long POLL_MILLIS = 1000;
    private static final Object DONE = new Object();

    private final Channel channel;
    private Object peeked;
    private boolean hasPeeked;

    /** Registers per-thread state that generators carry across their hand-overs. */
    public static void carry(ThreadState state) {
        CARRIED.add(state);
    }

    private PyGenerator(Channel channel) {
        this.channel = channel;
    }

    /** The generator of a call whose arguments are bound into {@code frame}; its body has not started. */
    static PyIterator start(FunctionCode code, Frame frame, ExecContext ctx, String qualname) {
        Channel channel = new Channel(code, frame, ctx);
        frame.generator = channel;
        PyGenerator g = new PyGenerator(channel);
        channel.owner = new WeakReference<>(g);
        return new PyIterator(g, "generator", qualname);
    }

    @Override
    public boolean hasNext() {
        if (!hasPeeked) {
            Object v = channel.resume(Py.NONE, false);
            if (v == DONE) {
                return false;
            }
            peeked = v;
            hasPeeked = true;
        }
        return true;
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object v = peeked;
        peeked = null;
        hasPeeked = false;
        return v;
    }

    @Override
    public Object send(Object value) {
        if (hasPeeked) {
            // a value already produced for a Java caller that looked ahead
            return next();
        }
        if (!channel.started && value != Py.NONE) {
            throw Py.typeError("can't send non-None value to a just-started generator");
        }
        Object v = channel.resume(value, false);
        if (v == DONE) {
            throw new PyException("StopIteration", "");
        }
        return v;
    }

    @Override
    public Object throwIn(PyException error) {
        hasPeeked = false;
        peeked = null;
        Object v = channel.throwIn(error);
        if (v == DONE) {
            throw new PyException("StopIteration", "");
        }
        return v;
    }

    @Override
    public void close() {
        hasPeeked = false;
        peeked = null;
        channel.close();
    }

    /** What the body returned ({@code yield from}'s value), None while it runs. */
    Object returnValue() {
        return channel.returnValue;
    }

    /**
     * The hand-over between the caller's thread and the body's. Keeps no strong reference to its
     * {@link PyGenerator}, so the body's thread, which holds the channel, does not keep a dropped
     * generator alive.
     * <p>
     * Whose turn it is is one volatile flag: each side writes what it hands over, then flips the
     * flag, so the other side sees those writes once it sees the flip. The waiting side spins a
     * little before it parks, because a loop over a generator hands over at every value: parking
     * and waking a thread costs tens of microseconds, a spin on the other core a fraction of one.
     */
    static final class Channel {
        /** Spins before parking (about 60 us here, longer than most loop bodies); none on a single core. */
        private static final int SPINS = Runtime.getRuntime().availableProcessors() > 1 ? 5_000 : 0;

        private final FunctionCode code;
        private final Frame frame;
        private final ExecContext ctx;
        WeakReference<PyGenerator> owner;
        boolean started;
        Object returnValue = Py.NONE;

        private volatile boolean bodyTurn;
        private Thread caller;
        private Thread body;
        private boolean executing;
        private boolean finished;
        private boolean closing;
        /** An exception {@code throw()} raises at the yield. */
        private PyException thrown;
        private Object transfer;
        private PyException failure;
        private Object[] carried;

        Channel(FunctionCode code, Frame frame, ExecContext ctx) {
            this.code = code;
            this.frame = frame;
            this.ctx = ctx;
        }

        /** Runs the body to its next yield (the caller's side); DONE once it has finished. */
        Object resume(Object sent, boolean close) {
            if (finished) {
                return DONE;
            }
            if (executing) {
                throw new PyException("ValueError", "generator already executing");
            }
            ctx.enterCall();
            executing = true;
            Frame callerFrame = ctx.current;
            try {
                transfer = sent;
                closing = close;
                carried = saveCarried();
                caller = Thread.currentThread();
                if (!started) {
                    started = true;
                    body = new Thread(null, this::runBody, "autograd-generator", STACK_SIZE);
                    body.setDaemon(true);
                    bodyTurn = true;
                    body.start();
                } else {
                    bodyTurn = true;
                    LockSupport.unpark(body);
                }
                awaitCaller();
                restoreCarried(carried);
                if (failure != null) {
                    PyException f = failure;
                    failure = null;
                    throw f;
                }
                return finished ? DONE : transfer;
            } finally {
                ctx.current = callerFrame;
                executing = false;
                ctx.depth--;
            }
        }

        /** The caller waits for the body to yield or end; a stop request reaches the body, not the wait. */
        private void awaitCaller() {
            for (int i = 0; i < SPINS && bodyTurn; i++) {
                Thread.onSpinWait();
            }
            boolean interrupted = false;
            while (bodyTurn) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    interrupted = true;
                    ctx.cancellation.cancel();
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * {@code throw(e)}: {@code e} raised at the yield the body waits at; the body's next value,
         * or DONE. A generator that has not started (or has ended) raises it here at once.
         */
        Object throwIn(PyException error) {
            if (!started || finished) {
                finished = true;
                throw error;
            }
            thrown = error;
            return resume(Py.NONE, false);
        }

        /** {@code close()}: GeneratorExit at the yield the body waits at. */
        void close() {
            if (!started) {
                finished = true;
                return;
            }
            if (resume(Py.NONE, true) != DONE) {
                throw new PyException("RuntimeError", "generator ignored GeneratorExit");
            }
        }

        /** The body's side of a {@code yield}: hands {@code value} over and waits to be resumed. */
        Object yieldValue(Object value) {
            transfer = value;
            handBack();
            for (int i = 0; i < SPINS && !bodyTurn; i++) {
                Thread.onSpinWait();
            }
            while (!bodyTurn) {
                LockSupport.parkNanos(this, POLL_MILLIS * 1_000_000L);
                if (!bodyTurn && owner.get() == null) {
                    throw new Dropped();
                }
            }
            restoreCarried(carried);
            ctx.current = frame;
            if (closing) {
                throw new PyException("GeneratorExit", "");
            }
            if (thrown != null) {
                PyException t = thrown;
                thrown = null;
                throw t;
            }
            return transfer;
        }

        private void runBody() {
            PyException error = null;
            try {
                restoreCarried(carried);
                ExecContext.bindThread(ctx);
                ctx.current = frame;
                int r = code.body.exec(frame);
                returnValue = r == StmtNode.RETURN ? frame.returnValue : Py.NONE;
            } catch (Dropped d) {
                return;
            } catch (StackOverflowError | RuntimeException e) {
                error = ErrorTranslator.translate(e);
            } catch (Throwable t) {
                error = new PyException("SystemError", "the generator's thread failed: " + t);
            }
            if (error != null) {
                if (closing && error.typeName().equals("GeneratorExit")) {
                    error = null;
                } else {
                    if (error.typeName().equals("StopIteration")) {
                        // PEP 479: a StopIteration escaping the body would silently end the caller's loop
                        error = new PyException("RuntimeError", "generator raised StopIteration");
                    }
                    error.addTraceback(code.info.entry(frame.line, error.takeSpan()));
                }
            }
            finished = true;
            failure = error;
            handBack();
        }

        /** Gives control back to the caller's thread, with this thread's carried state. */
        private void handBack() {
            carried = saveCarried();
            Thread waiting = caller;
            bodyTurn = false;
            LockSupport.unpark(waiting);
        }

        private static Object[] saveCarried() {
            Object[] saved = new Object[CARRIED.size()];
            for (int i = 0; i < saved.length; i++) {
                saved[i] = CARRIED.get(i).save();
            }
            return saved;
        }

        private static void restoreCarried(Object[] saved) {
            for (int i = 0; i < saved.length && i < CARRIED.size(); i++) {
                CARRIED.get(i).restore(saved[i]);
            }
        }
    }

    /**
     * Ends the thread of a generator nobody holds: an Error, so no {@code except}, {@code finally}
     * or {@code with} of the script runs on the way out (they catch Python errors only).
     */
    private static final class Dropped extends Error {
        Dropped() {
            super(null, null, false, false);
        }
    }
}
