package dev.poolguard.runtime.internal;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The one way the runtime wraps a JDBC connection to see when it is given back (the borrow tracker,
 * the budget's slot, the retiring of a connection over the budget's share, the session hygiene):
 * each use supplies {@link Hooks}, and layers compose by wrapping one proxy in another.
 *
 * <p>What every layer gets the same: {@link Hooks#giveBack} runs once, on the first {@code close()}
 * or {@code abort()}, and is responsible for passing it on; later ones do nothing (as JDBC asks of
 * a closed connection). A proxy is equal only to itself. It unwraps to itself for the interfaces it
 * implements and otherwise to what the wrapped connection unwraps to, and {@code isWrapperFor}
 * answers the same. Every other call goes to the wrapped connection, which throws its own
 * exceptions; a layer may move the borrow to another connection ({@link Hooks#current}), and the
 * calls go there from then on.
 *
 * <p>Written out rather than a {@code java.lang.reflect.Proxy}: a call costs what a direct call
 * costs, and nothing is generated at run time (a proxy class and its reflective calls cost a test
 * JVM tens of milliseconds to make and the JIT its compile time, in every test JVM).
 */
final class ConnectionProxy implements Connection {
  private final Connection target;
  private final String description;
  private final Hooks hooks;
  private final AtomicBoolean givenBack = new AtomicBoolean();

  private ConnectionProxy(Connection target, String description, Hooks hooks) {
    this.target = target;
    this.description = description;
    this.hooks = hooks;
  }

  /**
   * @param description what {@code toString()} says before the wrapped connection's own text
   */
  static Connection of(Connection target, String description, Hooks hooks) {
    return new ConnectionProxy(target, description, hooks);
  }

  /** What one use of the proxy adds to the wrapped connection. */
  interface Hooks {
    /**
     * Gives {@code target} back, once: called on the first {@code close()} or {@code abort()} of
     * the proxy; usually does its own bookkeeping and then {@link Ending#apply}.
     */
    void giveBack(Connection target, Ending ending) throws SQLException;

    /** Sees a statement about to be made, with its SQL: nothing by default. */
    default void creating(StatementSource source) throws SQLException {}

    /**
     * What the caller gets for a statement just made: {@code statement} by default; a layer may
     * wrap it (the statements the session hygiene reads the SQL of).
     */
    default Statement created(Statement statement, StatementSource source) {
      return statement;
    }

    /**
     * What a transaction call that failed on the server throws ({@code commit}, {@code rollback},
     * savepoints; a statement's failures are its own): {@code failure} by default; the session
     * hygiene's layer names the cause where the server ended the session.
     */
    default SQLException failure(SQLException failure) {
      return failure;
    }

    /** Sees a call that changes the session through JDBC, or reaches past the proxy. */
    default void using(Use use) throws SQLException {}

    /**
     * The connection calls go to now: {@code wrapped} by default; the session hygiene's layer
     * answers with the connection it moved the borrow to when the server ended the first.
     */
    default Connection current(Connection wrapped) {
      return wrapped;
    }
  }

  /** The calls {@link Hooks#using} sees. */
  enum Use {
    /** {@code unwrap}: the caller holds the driver's own connection and can do anything unseen. */
    UNWRAP,
    AUTO_COMMIT,
    READ_ONLY,
    ISOLATION
  }

  /** How the caller ended its use: {@code close()}, or {@code abort(executor)}. */
  static final class Ending {
    private final @Nullable Executor abortExecutor;

    private Ending(@Nullable Executor abortExecutor) {
      this.abortExecutor = abortExecutor;
    }

    static Ending close() {
      return new Ending(null);
    }

    static Ending abort(Executor executor) {
      return new Ending(executor);
    }

    boolean isClose() {
      return abortExecutor == null;
    }

    /** Passes the ending on to {@code target}: {@code target.close()} or {@code target.abort}. */
    void apply(Connection target) throws SQLException {
      if (abortExecutor == null) {
        target.close();
      } else {
        target.abort(abortExecutor);
      }
    }
  }

  private Connection current() {
    return hooks.current(target);
  }

  private void giveBack(Ending ending) throws SQLException {
    if (givenBack.compareAndSet(false, true)) {
      hooks.giveBack(current(), ending);
    }
  }

  /** A transaction call on the wrapped connection. */
  @FunctionalInterface
  private interface ServerAction {
    void on(Connection connection) throws SQLException;
  }

  /** A transaction call on the wrapped connection that answers (with a savepoint). */
  @FunctionalInterface
  private interface ServerCall<T> {
    T on(Connection connection) throws SQLException;
  }

  private void onServer(ServerAction action) throws SQLException {
    fromServer(
        connection -> {
          action.on(connection);
          return Boolean.TRUE;
        });
  }

  private <T> T fromServer(ServerCall<T> call) throws SQLException {
    try {
      return call.on(current());
    } catch (SQLException failure) {
      throw hooks.failure(failure);
    }
  }

  private Statement statement(StatementSource source) throws SQLException {
    hooks.creating(source);
    return hooks.created(source.makeOn(current()), source);
  }

  /**
   * JDBC requires a value for the argument of {@code abort}, {@code unwrap}, {@code isWrapperFor}.
   */
  private static <T> T required(@Nullable T argument) throws SQLException {
    if (argument == null) {
      throw new SQLException("null is not a valid argument here (JDBC requires a value)");
    }
    return argument;
  }

  @Override
  public void close() throws SQLException {
    giveBack(Ending.close());
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    giveBack(Ending.abort(required(executor)));
  }

  @Override
  public boolean isClosed() throws SQLException {
    return givenBack.get() || current().isClosed();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    hooks.using(Use.UNWRAP);
    Class<T> type = required(iface);
    return type.isInstance(this) ? type.cast(this) : current().unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    Class<?> type = required(iface);
    return type.isInstance(this) || current().isWrapperFor(type);
  }

  @Override
  public String toString() {
    return description + " (" + current() + ")";
  }

  @Override
  public Statement createStatement() throws SQLException {
    return statement(StatementSource.plain(c -> c.createStatement()));
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return (PreparedStatement)
        statement(StatementSource.prepared(sql, c -> c.prepareStatement(sql)));
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    return (CallableStatement) statement(StatementSource.callable(sql, c -> c.prepareCall(sql)));
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    return current().nativeSQL(sql);
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    hooks.using(Use.AUTO_COMMIT);
    current().setAutoCommit(autoCommit);
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    return current().getAutoCommit();
  }

  @Override
  public void commit() throws SQLException {
    onServer(Connection::commit);
  }

  @Override
  public void rollback() throws SQLException {
    onServer(Connection::rollback);
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    return current().getMetaData();
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    hooks.using(Use.READ_ONLY);
    current().setReadOnly(readOnly);
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return current().isReadOnly();
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    current().setCatalog(catalog);
  }

  @Override
  public String getCatalog() throws SQLException {
    return current().getCatalog();
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    hooks.using(Use.ISOLATION);
    current().setTransactionIsolation(level);
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    return current().getTransactionIsolation();
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    return current().getWarnings();
  }

  @Override
  public void clearWarnings() throws SQLException {
    current().clearWarnings();
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency)
      throws SQLException {
    return statement(
        StatementSource.plain(c -> c.createStatement(resultSetType, resultSetConcurrency)));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    return (PreparedStatement)
        statement(
            StatementSource.prepared(
                sql, c -> c.prepareStatement(sql, resultSetType, resultSetConcurrency)));
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    return (CallableStatement)
        statement(
            StatementSource.callable(
                sql, c -> c.prepareCall(sql, resultSetType, resultSetConcurrency)));
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    return current().getTypeMap();
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    current().setTypeMap(map);
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    current().setHoldability(holdability);
  }

  @Override
  public int getHoldability() throws SQLException {
    return current().getHoldability();
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    return fromServer(Connection::setSavepoint);
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    return fromServer(connection -> connection.setSavepoint(name));
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    onServer(connection -> connection.rollback(savepoint));
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    onServer(connection -> connection.releaseSavepoint(savepoint));
  }

  @Override
  public Statement createStatement(
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    return statement(
        StatementSource.plain(
            c -> c.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability)));
  }

  @Override
  public PreparedStatement prepareStatement(
      String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    return (PreparedStatement)
        statement(
            StatementSource.prepared(
                sql,
                c ->
                    c.prepareStatement(
                        sql, resultSetType, resultSetConcurrency, resultSetHoldability)));
  }

  @Override
  public CallableStatement prepareCall(
      String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    return (CallableStatement)
        statement(
            StatementSource.callable(
                sql,
                c ->
                    c.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability)));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    return (PreparedStatement)
        statement(StatementSource.prepared(sql, c -> c.prepareStatement(sql, autoGeneratedKeys)));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    return (PreparedStatement)
        statement(StatementSource.prepared(sql, c -> c.prepareStatement(sql, columnIndexes)));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    return (PreparedStatement)
        statement(StatementSource.prepared(sql, c -> c.prepareStatement(sql, columnNames)));
  }

  @Override
  public Clob createClob() throws SQLException {
    return current().createClob();
  }

  @Override
  public Blob createBlob() throws SQLException {
    return current().createBlob();
  }

  @Override
  public NClob createNClob() throws SQLException {
    return current().createNClob();
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    return current().createSQLXML();
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    return current().isValid(timeout);
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    current().setClientInfo(name, value);
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    current().setClientInfo(properties);
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    return current().getClientInfo(name);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    return current().getClientInfo();
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    return current().createArrayOf(typeName, elements);
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    return current().createStruct(typeName, attributes);
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    current().setSchema(schema);
  }

  @Override
  public String getSchema() throws SQLException {
    return current().getSchema();
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    current().setNetworkTimeout(executor, milliseconds);
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    return current().getNetworkTimeout();
  }

  @Override
  public void beginRequest() throws SQLException {
    current().beginRequest();
  }

  @Override
  public void endRequest() throws SQLException {
    current().endRequest();
  }

  @Override
  public boolean setShardingKeyIfValid(
      ShardingKey shardingKey, ShardingKey superShardingKey, int timeout) throws SQLException {
    return current().setShardingKeyIfValid(shardingKey, superShardingKey, timeout);
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
    return current().setShardingKeyIfValid(shardingKey, timeout);
  }

  @Override
  public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey)
      throws SQLException {
    current().setShardingKey(shardingKey, superShardingKey);
  }

  @Override
  public void setShardingKey(ShardingKey shardingKey) throws SQLException {
    current().setShardingKey(shardingKey);
  }
}
