// corpus-min-release: 11
/** A named module: its module-info class uses the Module and Package constant-pool entries. */
module corpus.mod {
  requires java.logging;
  requires transitive java.sql;
  exports corpus.mod;
  exports corpus.mod.internal to java.logging;
  opens corpus.mod;
  uses java.sql.Driver;
  provides java.lang.Runnable with corpus.mod.Api;
}
