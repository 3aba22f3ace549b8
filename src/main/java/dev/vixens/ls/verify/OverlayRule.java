package dev.vixens.ls.verify;

/**
 * One thing the built overlay must satisfy for the app's data to come back. Like the planner's steps, each
 * concern is one class; a rule adds what it verified to the overlay's facts and what is wrong to its findings.
 */
interface OverlayRule {

    void check(BuiltOverlay overlay);
}
