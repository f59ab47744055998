package org.autogradstudio.script.runtime;

/** An exception instance: {@code e} in {@code except ValueError as e}, holding {@code e.args}. */
public class PyExceptionObject extends PyInstance {
    private Object[] args;

    public PyExceptionObject(PyClass cls, Object[] args) {
        super(cls);
        this.args = args.clone();
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
