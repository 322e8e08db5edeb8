package org.losslab.cli;

/** Bad command-line input: exit status 2 with this one-line message. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
