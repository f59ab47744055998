package org.autogradstudio.script.interp;

/** Something that can be assigned to and deleted: a name, attribute, subscript or unpacking. */
interface Target {
    void assign(Frame f, Object value);

    void delete(Frame f);
}
