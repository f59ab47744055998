package org.autogradstudio.script.runtime;

/** An exception instance: {@code e} in {@code except ValueError as e}, holding {@code e.args}. */
public class PyExceptionObject extends PyInstance {
    private Object[] args;
    private PyException raised;

    public PyExceptionObject(PyClass cls, Object[] args) {
        super(cls);
        this.args = args.clone();
    }

    /** The exception it was last raised as, which holds its traceback and chain (null: never raised). */
    public PyException raisedException() {
        return raised;
    }

    void raisedAs(PyException e) {
        raised = e;
    }

    public Object[] args() {
        return args;
    }

    /** {@code BaseException.__init__}: replaces the arguments. */
    public void setArgs(Object[] args) {
        this.args = args.clone();
    }

    @Override
    public Object getAttr(String name) {
        if (name.equals("args")) {
            return new PyTuple(args.clone());
        }
        switch (name) {
            case "__cause__": return raised == null || raised.cause() == null ? Py.NONE : raised.cause().value();
            case "__context__": return raised == null || raised.context() == null ? Py.NONE : raised.context().value();
            case "__suppress_context__": return raised != null && raised.suppressesContext();
            default: break;
        }
        if (name.equals("code") && pyClass().isSubclassOf(ExceptionTypes.get("SystemExit")) && super.getAttr(name) == null) {
            // SystemExit.code: what the exit status is made from
            return args.length == 0 ? Py.NONE : args.length == 1 ? args[0] : new PyTuple(args.clone());
        }
        return super.getAttr(name);
    }

    @Override
    public void setAttr(String name, Object value) {
        if (name.equals("args")) {
            args = Ops.toArray(value);
            return;
        }
        super.setAttr(name, value);
    }

    /** {@code BaseException.__str__}: the single argument, or the tuple of them. */
    public String defaultStr() {
        if (args.length == 0) {
            return "";
        }
        if (args.length == 1) {
            return pyClass().isSubclassOf(ExceptionTypes.get("KeyError")) ? Ops.repr(args[0]) : Ops.str(args[0]);
        }
        return Ops.repr(new PyTuple(args));
    }

    /** {@code BaseException.__repr__}: {@code ValueError('msg')}. */
    public String defaultExceptionRepr() {
        if (args.length == 1) {
            return pyClass().name() + "(" + Ops.repr(args[0]) + ")";
        }
        return pyClass().name() + Ops.repr(new PyTuple(args));
    }
}
