package io.camunda.zeebe.process.test.engine;

/** When blocks appended to the engine log are forced to disk. */
public enum EngineLogFsync {
  /** Before the engine sees the block as committed: nothing acknowledged is ever lost. */
  ALWAYS,
  /** Every fsync interval: a crash of the machine (not only the app) may lose that interval. */
  INTERVAL,
  /** Left to the operating system: survives an app crash, not a power cut. */
  NEVER
}
