package org.lumbung.members;

/**
 * What another feature asks before a member may leave: a feature whose records would be left open by the exit
 * (a running loan, with its schedule and its nightly arrears) refuses it, with a translated reason, until they are
 * settled its own way. The exit settlement runs every check, in the preview and again when it books.
 */
public interface ExitCheck {

    /** Refuses (a DomainException) while the member has something this feature must settle first. */
    void requireNothingOpen(long cooperativeId, long memberId);
}
