package dev.poolguard.runtime.internal;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * A prepared statement handed to a borrower: what {@link TappedStatement} does, and its parameters
 * set through its {@link StatementTap}, so that it can be made again with them.
 */
class TappedPreparedStatement extends TappedStatement implements PreparedStatement {
  TappedPreparedStatement(StatementTap tap) {
    super(tap);
  }

  /** The driver's statement, as the prepared statement it is. */
  static PreparedStatement prepared(Statement statement) {
    return (PreparedStatement) statement;
  }

  private PreparedStatement prepared() {
    return prepared(tap.target());
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    return tap.execute(null, false, s -> prepared(s).executeQuery());
  }

  @Override
  public int executeUpdate() throws SQLException {
    return tap.execute(null, false, s -> prepared(s).executeUpdate());
  }

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setNull(parameterIndex, sqlType));
  }

  @Override
  public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setBoolean(parameterIndex, x));
  }

  @Override
  public void setByte(int parameterIndex, byte x) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setByte(parameterIndex, x));
  }

  @Override
  public void setShort(int parameterIndex, short x) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setShort(parameterIndex, x));
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setInt(parameterIndex, x));
  }

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setLong(parameterIndex, x));
  }

  @Override
  public void setFloat(int parameterIndex, float x) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setFloat(parameterIndex, x));
  }

  @Override
  public void setDouble(int parameterIndex, double x) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setDouble(parameterIndex, x));
  }

  @Override
  public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setBigDecimal(parameterIndex, x));
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setString(parameterIndex, x));
  }

  @Override
  public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setBytes(parameterIndex, x));
  }

  @Override
  public void setDate(int parameterIndex, Date x) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setDate(parameterIndex, x));
  }

  @Override
  public void setTime(int parameterIndex, Time x) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setTime(parameterIndex, x));
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setTimestamp(parameterIndex, x));
  }

  @Override
  public void setAsciiStream(int parameterIndex, java.io.InputStream x, int length)
      throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setAsciiStream(parameterIndex, x, length));
  }

  @Deprecated // as the method it passes on is
  @Override
  public void setUnicodeStream(int parameterIndex, java.io.InputStream x, int length)
      throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setUnicodeStream(parameterIndex, x, length));
  }

  @Override
  public void setBinaryStream(int parameterIndex, java.io.InputStream x, int length)
      throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setBinaryStream(parameterIndex, x, length));
  }

  @Override
  public void clearParameters() throws SQLException {
    tap.clearParameters();
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    tap.object(parameterIndex, x, s -> prepared(s).setObject(parameterIndex, x, targetSqlType));
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    tap.object(parameterIndex, x, s -> prepared(s).setObject(parameterIndex, x));
  }

  @Override
  public boolean execute() throws SQLException {
    return tap.execute(null, false, s -> prepared(s).execute());
  }

  @Override
  public void addBatch() throws SQLException {
    tap.addBatch(null, s -> prepared(s).addBatch());
  }

  @Override
  public void setCharacterStream(int parameterIndex, java.io.Reader reader, int length)
      throws SQLException {
    tap.parameter(
        parameterIndex, s -> prepared(s).setCharacterStream(parameterIndex, reader, length));
  }

  @Override
  public void setRef(int parameterIndex, Ref x) throws SQLException {
    tap.unrepeatable(s -> prepared(s).setRef(parameterIndex, x));
  }

  @Override
  public void setBlob(int parameterIndex, Blob x) throws SQLException {
    tap.unrepeatable(s -> prepared(s).setBlob(parameterIndex, x));
  }

  @Override
  public void setClob(int parameterIndex, Clob x) throws SQLException {
    tap.unrepeatable(s -> prepared(s).setClob(parameterIndex, x));
  }

  @Override
  public void setArray(int parameterIndex, Array x) throws SQLException {
    tap.unrepeatable(s -> prepared(s).setArray(parameterIndex, x));
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    return prepared().getMetaData();
  }

  @Override
  public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setDate(parameterIndex, x, cal));
  }

  @Override
  public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setTime(parameterIndex, x, cal));
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setTimestamp(parameterIndex, x, cal));
  }

  @Override
  public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setNull(parameterIndex, sqlType, typeName));
  }

  @Override
  public void setURL(int parameterIndex, java.net.URL x) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setURL(parameterIndex, x));
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    return prepared().getParameterMetaData();
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    tap.unrepeatable(s -> prepared(s).setRowId(parameterIndex, x));
  }

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setNString(parameterIndex, value));
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length)
      throws SQLException {
    tap.unrepeatable(s -> prepared(s).setNCharacterStream(parameterIndex, value, length));
  }

  @Override
  public void setNClob(int parameterIndex, NClob value) throws SQLException {
    tap.unrepeatable(s -> prepared(s).setNClob(parameterIndex, value));
  }

  @Override
  public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    tap.unrepeatable(s -> prepared(s).setClob(parameterIndex, reader, length));
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream, long length)
      throws SQLException {
    tap.unrepeatable(s -> prepared(s).setBlob(parameterIndex, inputStream, length));
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    tap.unrepeatable(s -> prepared(s).setNClob(parameterIndex, reader, length));
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    tap.unrepeatable(s -> prepared(s).setSQLXML(parameterIndex, xmlObject));
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength)
      throws SQLException {
    tap.object(
        parameterIndex,
        x,
        s -> prepared(s).setObject(parameterIndex, x, targetSqlType, scaleOrLength));
  }

  @Override
  public void setAsciiStream(int parameterIndex, java.io.InputStream x, long length)
      throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setAsciiStream(parameterIndex, x, length));
  }

  @Override
  public void setBinaryStream(int parameterIndex, java.io.InputStream x, long length)
      throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setBinaryStream(parameterIndex, x, length));
  }

  @Override
  public void setCharacterStream(int parameterIndex, java.io.Reader reader, long length)
      throws SQLException {
    tap.parameter(
        parameterIndex, s -> prepared(s).setCharacterStream(parameterIndex, reader, length));
  }

  @Override
  public void setAsciiStream(int parameterIndex, java.io.InputStream x) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setAsciiStream(parameterIndex, x));
  }

  @Override
  public void setBinaryStream(int parameterIndex, java.io.InputStream x) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setBinaryStream(parameterIndex, x));
  }

  @Override
  public void setCharacterStream(int parameterIndex, java.io.Reader reader) throws SQLException {
    tap.parameter(parameterIndex, s -> prepared(s).setCharacterStream(parameterIndex, reader));
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    tap.unrepeatable(s -> prepared(s).setNCharacterStream(parameterIndex, value));
  }

  @Override
  public void setClob(int parameterIndex, Reader reader) throws SQLException {
    tap.unrepeatable(s -> prepared(s).setClob(parameterIndex, reader));
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    tap.unrepeatable(s -> prepared(s).setBlob(parameterIndex, inputStream));
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    tap.unrepeatable(s -> prepared(s).setNClob(parameterIndex, reader));
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    tap.object(
        parameterIndex,
        x,
        s -> prepared(s).setObject(parameterIndex, x, targetSqlType, scaleOrLength));
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
    tap.object(parameterIndex, x, s -> prepared(s).setObject(parameterIndex, x, targetSqlType));
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    return tap.execute(null, false, s -> prepared(s).executeLargeUpdate());
  }
}
