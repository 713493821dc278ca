package dev.poolguard.runtime.internal;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A callable statement handed to a borrower: what {@link TappedPreparedStatement} does, with its
 * named parameters and registered out parameters set through its {@link StatementTap}; the values
 * it reads back are the driver's statement's.
 */
final class TappedCallableStatement extends TappedPreparedStatement implements CallableStatement {
  TappedCallableStatement(StatementTap tap) {
    super(tap);
  }

  private static CallableStatement callable(Statement statement) {
    return (CallableStatement) statement;
  }

  private CallableStatement callable() {
    return callable(tap.target());
  }

  @Override
  public void registerOutParameter(int parameterIndex, int sqlType) throws SQLException {
    tap.outParameter(
        parameterIndex, s -> callable(s).registerOutParameter(parameterIndex, sqlType));
  }

  @Override
  public void registerOutParameter(int parameterIndex, int sqlType, int scale) throws SQLException {
    tap.outParameter(
        parameterIndex, s -> callable(s).registerOutParameter(parameterIndex, sqlType, scale));
  }

  @Override
  public boolean wasNull() throws SQLException {
    return callable().wasNull();
  }

  @Override
  public String getString(int parameterIndex) throws SQLException {
    return callable().getString(parameterIndex);
  }

  @Override
  public boolean getBoolean(int parameterIndex) throws SQLException {
    return callable().getBoolean(parameterIndex);
  }

  @Override
  public byte getByte(int parameterIndex) throws SQLException {
    return callable().getByte(parameterIndex);
  }

  @Override
  public short getShort(int parameterIndex) throws SQLException {
    return callable().getShort(parameterIndex);
  }

  @Override
  public int getInt(int parameterIndex) throws SQLException {
    return callable().getInt(parameterIndex);
  }

  @Override
  public long getLong(int parameterIndex) throws SQLException {
    return callable().getLong(parameterIndex);
  }

  @Override
  public float getFloat(int parameterIndex) throws SQLException {
    return callable().getFloat(parameterIndex);
  }

  @Override
  public double getDouble(int parameterIndex) throws SQLException {
    return callable().getDouble(parameterIndex);
  }

  @Deprecated // as the method it passes on is
  @Override
  public BigDecimal getBigDecimal(int parameterIndex, int scale) throws SQLException {
    return callable().getBigDecimal(parameterIndex, scale);
  }

  @Override
  public byte[] getBytes(int parameterIndex) throws SQLException {
    return callable().getBytes(parameterIndex);
  }

  @Override
  public Date getDate(int parameterIndex) throws SQLException {
    return callable().getDate(parameterIndex);
  }

  @Override
  public Time getTime(int parameterIndex) throws SQLException {
    return callable().getTime(parameterIndex);
  }

  @Override
  public Timestamp getTimestamp(int parameterIndex) throws SQLException {
    return callable().getTimestamp(parameterIndex);
  }

  @Override
  public Object getObject(int parameterIndex) throws SQLException {
    return callable().getObject(parameterIndex);
  }

  @Override
  public BigDecimal getBigDecimal(int parameterIndex) throws SQLException {
    return callable().getBigDecimal(parameterIndex);
  }

  @Override
  public Object getObject(int parameterIndex, Map<String, Class<?>> map) throws SQLException {
    return callable().getObject(parameterIndex, map);
  }

  @Override
  public Ref getRef(int parameterIndex) throws SQLException {
    return callable().getRef(parameterIndex);
  }

  @Override
  public Blob getBlob(int parameterIndex) throws SQLException {
    return callable().getBlob(parameterIndex);
  }

  @Override
  public Clob getClob(int parameterIndex) throws SQLException {
    return callable().getClob(parameterIndex);
  }

  @Override
  public Array getArray(int parameterIndex) throws SQLException {
    return callable().getArray(parameterIndex);
  }

  @Override
  public Date getDate(int parameterIndex, Calendar cal) throws SQLException {
    return callable().getDate(parameterIndex, cal);
  }

  @Override
  public Time getTime(int parameterIndex, Calendar cal) throws SQLException {
    return callable().getTime(parameterIndex, cal);
  }

  @Override
  public Timestamp getTimestamp(int parameterIndex, Calendar cal) throws SQLException {
    return callable().getTimestamp(parameterIndex, cal);
  }

  @Override
  public void registerOutParameter(int parameterIndex, int sqlType, String typeName)
      throws SQLException {
    tap.outParameter(
        parameterIndex, s -> callable(s).registerOutParameter(parameterIndex, sqlType, typeName));
  }

  @Override
  public void registerOutParameter(String parameterName, int sqlType) throws SQLException {
    tap.outParameter(parameterName, s -> callable(s).registerOutParameter(parameterName, sqlType));
  }

  @Override
  public void registerOutParameter(String parameterName, int sqlType, int scale)
      throws SQLException {
    tap.outParameter(
        parameterName, s -> callable(s).registerOutParameter(parameterName, sqlType, scale));
  }

  @Override
  public void registerOutParameter(String parameterName, int sqlType, String typeName)
      throws SQLException {
    tap.outParameter(
        parameterName, s -> callable(s).registerOutParameter(parameterName, sqlType, typeName));
  }

  @Override
  public java.net.URL getURL(int parameterIndex) throws SQLException {
    return callable().getURL(parameterIndex);
  }

  @Override
  public void setURL(String parameterName, java.net.URL val) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setURL(parameterName, val));
  }

  @Override
  public void setNull(String parameterName, int sqlType) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setNull(parameterName, sqlType));
  }

  @Override
  public void setBoolean(String parameterName, boolean x) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setBoolean(parameterName, x));
  }

  @Override
  public void setByte(String parameterName, byte x) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setByte(parameterName, x));
  }

  @Override
  public void setShort(String parameterName, short x) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setShort(parameterName, x));
  }

  @Override
  public void setInt(String parameterName, int x) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setInt(parameterName, x));
  }

  @Override
  public void setLong(String parameterName, long x) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setLong(parameterName, x));
  }

  @Override
  public void setFloat(String parameterName, float x) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setFloat(parameterName, x));
  }

  @Override
  public void setDouble(String parameterName, double x) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setDouble(parameterName, x));
  }

  @Override
  public void setBigDecimal(String parameterName, BigDecimal x) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setBigDecimal(parameterName, x));
  }

  @Override
  public void setString(String parameterName, String x) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setString(parameterName, x));
  }

  @Override
  public void setBytes(String parameterName, byte[] x) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setBytes(parameterName, x));
  }

  @Override
  public void setDate(String parameterName, Date x) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setDate(parameterName, x));
  }

  @Override
  public void setTime(String parameterName, Time x) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setTime(parameterName, x));
  }

  @Override
  public void setTimestamp(String parameterName, Timestamp x) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setTimestamp(parameterName, x));
  }

  @Override
  public void setAsciiStream(String parameterName, java.io.InputStream x, int length)
      throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setAsciiStream(parameterName, x, length));
  }

  @Override
  public void setBinaryStream(String parameterName, java.io.InputStream x, int length)
      throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setBinaryStream(parameterName, x, length));
  }

  @Override
  public void setObject(String parameterName, Object x, int targetSqlType, int scale)
      throws SQLException {
    tap.object(
        parameterName, x, s -> callable(s).setObject(parameterName, x, targetSqlType, scale));
  }

  @Override
  public void setObject(String parameterName, Object x, int targetSqlType) throws SQLException {
    tap.object(parameterName, x, s -> callable(s).setObject(parameterName, x, targetSqlType));
  }

  @Override
  public void setObject(String parameterName, Object x) throws SQLException {
    tap.object(parameterName, x, s -> callable(s).setObject(parameterName, x));
  }

  @Override
  public void setCharacterStream(String parameterName, java.io.Reader reader, int length)
      throws SQLException {
    tap.parameter(
        parameterName, s -> callable(s).setCharacterStream(parameterName, reader, length));
  }

  @Override
  public void setDate(String parameterName, Date x, Calendar cal) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setDate(parameterName, x, cal));
  }

  @Override
  public void setTime(String parameterName, Time x, Calendar cal) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setTime(parameterName, x, cal));
  }

  @Override
  public void setTimestamp(String parameterName, Timestamp x, Calendar cal) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setTimestamp(parameterName, x, cal));
  }

  @Override
  public void setNull(String parameterName, int sqlType, String typeName) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setNull(parameterName, sqlType, typeName));
  }

  @Override
  public String getString(String parameterName) throws SQLException {
    return callable().getString(parameterName);
  }

  @Override
  public boolean getBoolean(String parameterName) throws SQLException {
    return callable().getBoolean(parameterName);
  }

  @Override
  public byte getByte(String parameterName) throws SQLException {
    return callable().getByte(parameterName);
  }

  @Override
  public short getShort(String parameterName) throws SQLException {
    return callable().getShort(parameterName);
  }

  @Override
  public int getInt(String parameterName) throws SQLException {
    return callable().getInt(parameterName);
  }

  @Override
  public long getLong(String parameterName) throws SQLException {
    return callable().getLong(parameterName);
  }

  @Override
  public float getFloat(String parameterName) throws SQLException {
    return callable().getFloat(parameterName);
  }

  @Override
  public double getDouble(String parameterName) throws SQLException {
    return callable().getDouble(parameterName);
  }

  @Override
  public byte[] getBytes(String parameterName) throws SQLException {
    return callable().getBytes(parameterName);
  }

  @Override
  public Date getDate(String parameterName) throws SQLException {
    return callable().getDate(parameterName);
  }

  @Override
  public Time getTime(String parameterName) throws SQLException {
    return callable().getTime(parameterName);
  }

  @Override
  public Timestamp getTimestamp(String parameterName) throws SQLException {
    return callable().getTimestamp(parameterName);
  }

  @Override
  public Object getObject(String parameterName) throws SQLException {
    return callable().getObject(parameterName);
  }

  @Override
  public BigDecimal getBigDecimal(String parameterName) throws SQLException {
    return callable().getBigDecimal(parameterName);
  }

  @Override
  public Object getObject(String parameterName, Map<String, Class<?>> map) throws SQLException {
    return callable().getObject(parameterName, map);
  }

  @Override
  public Ref getRef(String parameterName) throws SQLException {
    return callable().getRef(parameterName);
  }

  @Override
  public Blob getBlob(String parameterName) throws SQLException {
    return callable().getBlob(parameterName);
  }

  @Override
  public Clob getClob(String parameterName) throws SQLException {
    return callable().getClob(parameterName);
  }

  @Override
  public Array getArray(String parameterName) throws SQLException {
    return callable().getArray(parameterName);
  }

  @Override
  public Date getDate(String parameterName, Calendar cal) throws SQLException {
    return callable().getDate(parameterName, cal);
  }

  @Override
  public Time getTime(String parameterName, Calendar cal) throws SQLException {
    return callable().getTime(parameterName, cal);
  }

  @Override
  public Timestamp getTimestamp(String parameterName, Calendar cal) throws SQLException {
    return callable().getTimestamp(parameterName, cal);
  }

  @Override
  public java.net.URL getURL(String parameterName) throws SQLException {
    return callable().getURL(parameterName);
  }

  @Override
  public RowId getRowId(int parameterIndex) throws SQLException {
    return callable().getRowId(parameterIndex);
  }

  @Override
  public RowId getRowId(String parameterName) throws SQLException {
    return callable().getRowId(parameterName);
  }

  @Override
  public void setRowId(String parameterName, RowId x) throws SQLException {
    tap.unrepeatable(s -> callable(s).setRowId(parameterName, x));
  }

  @Override
  public void setNString(String parameterName, String value) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setNString(parameterName, value));
  }

  @Override
  public void setNCharacterStream(String parameterName, Reader value, long length)
      throws SQLException {
    tap.unrepeatable(s -> callable(s).setNCharacterStream(parameterName, value, length));
  }

  @Override
  public void setNClob(String parameterName, NClob value) throws SQLException {
    tap.unrepeatable(s -> callable(s).setNClob(parameterName, value));
  }

  @Override
  public void setClob(String parameterName, Reader reader, long length) throws SQLException {
    tap.unrepeatable(s -> callable(s).setClob(parameterName, reader, length));
  }

  @Override
  public void setBlob(String parameterName, InputStream inputStream, long length)
      throws SQLException {
    tap.unrepeatable(s -> callable(s).setBlob(parameterName, inputStream, length));
  }

  @Override
  public void setNClob(String parameterName, Reader reader, long length) throws SQLException {
    tap.unrepeatable(s -> callable(s).setNClob(parameterName, reader, length));
  }

  @Override
  public NClob getNClob(int parameterIndex) throws SQLException {
    return callable().getNClob(parameterIndex);
  }

  @Override
  public NClob getNClob(String parameterName) throws SQLException {
    return callable().getNClob(parameterName);
  }

  @Override
  public void setSQLXML(String parameterName, SQLXML xmlObject) throws SQLException {
    tap.unrepeatable(s -> callable(s).setSQLXML(parameterName, xmlObject));
  }

  @Override
  public SQLXML getSQLXML(int parameterIndex) throws SQLException {
    return callable().getSQLXML(parameterIndex);
  }

  @Override
  public SQLXML getSQLXML(String parameterName) throws SQLException {
    return callable().getSQLXML(parameterName);
  }

  @Override
  public String getNString(int parameterIndex) throws SQLException {
    return callable().getNString(parameterIndex);
  }

  @Override
  public String getNString(String parameterName) throws SQLException {
    return callable().getNString(parameterName);
  }

  @Override
  public java.io.Reader getNCharacterStream(int parameterIndex) throws SQLException {
    return callable().getNCharacterStream(parameterIndex);
  }

  @Override
  public java.io.Reader getNCharacterStream(String parameterName) throws SQLException {
    return callable().getNCharacterStream(parameterName);
  }

  @Override
  public java.io.Reader getCharacterStream(int parameterIndex) throws SQLException {
    return callable().getCharacterStream(parameterIndex);
  }

  @Override
  public java.io.Reader getCharacterStream(String parameterName) throws SQLException {
    return callable().getCharacterStream(parameterName);
  }

  @Override
  public void setBlob(String parameterName, Blob x) throws SQLException {
    tap.unrepeatable(s -> callable(s).setBlob(parameterName, x));
  }

  @Override
  public void setClob(String parameterName, Clob x) throws SQLException {
    tap.unrepeatable(s -> callable(s).setClob(parameterName, x));
  }

  @Override
  public void setAsciiStream(String parameterName, java.io.InputStream x, long length)
      throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setAsciiStream(parameterName, x, length));
  }

  @Override
  public void setBinaryStream(String parameterName, java.io.InputStream x, long length)
      throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setBinaryStream(parameterName, x, length));
  }

  @Override
  public void setCharacterStream(String parameterName, java.io.Reader reader, long length)
      throws SQLException {
    tap.parameter(
        parameterName, s -> callable(s).setCharacterStream(parameterName, reader, length));
  }

  @Override
  public void setAsciiStream(String parameterName, java.io.InputStream x) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setAsciiStream(parameterName, x));
  }

  @Override
  public void setBinaryStream(String parameterName, java.io.InputStream x) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setBinaryStream(parameterName, x));
  }

  @Override
  public void setCharacterStream(String parameterName, java.io.Reader reader) throws SQLException {
    tap.parameter(parameterName, s -> callable(s).setCharacterStream(parameterName, reader));
  }

  @Override
  public void setNCharacterStream(String parameterName, Reader value) throws SQLException {
    tap.unrepeatable(s -> callable(s).setNCharacterStream(parameterName, value));
  }

  @Override
  public void setClob(String parameterName, Reader reader) throws SQLException {
    tap.unrepeatable(s -> callable(s).setClob(parameterName, reader));
  }

  @Override
  public void setBlob(String parameterName, InputStream inputStream) throws SQLException {
    tap.unrepeatable(s -> callable(s).setBlob(parameterName, inputStream));
  }

  @Override
  public void setNClob(String parameterName, Reader reader) throws SQLException {
    tap.unrepeatable(s -> callable(s).setNClob(parameterName, reader));
  }

  @Override
  public <T> T getObject(int parameterIndex, Class<T> type) throws SQLException {
    return callable().getObject(parameterIndex, type);
  }

  @Override
  public <T> T getObject(String parameterName, Class<T> type) throws SQLException {
    return callable().getObject(parameterName, type);
  }

  @Override
  public void setObject(String parameterName, Object x, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    tap.object(
        parameterName,
        x,
        s -> callable(s).setObject(parameterName, x, targetSqlType, scaleOrLength));
  }

  @Override
  public void setObject(String parameterName, Object x, SQLType targetSqlType) throws SQLException {
    tap.object(parameterName, x, s -> callable(s).setObject(parameterName, x, targetSqlType));
  }

  @Override
  public void registerOutParameter(int parameterIndex, SQLType sqlType) throws SQLException {
    tap.outParameter(
        parameterIndex, s -> callable(s).registerOutParameter(parameterIndex, sqlType));
  }

  @Override
  public void registerOutParameter(int parameterIndex, SQLType sqlType, int scale)
      throws SQLException {
    tap.outParameter(
        parameterIndex, s -> callable(s).registerOutParameter(parameterIndex, sqlType, scale));
  }

  @Override
  public void registerOutParameter(int parameterIndex, SQLType sqlType, String typeName)
      throws SQLException {
    tap.outParameter(
        parameterIndex, s -> callable(s).registerOutParameter(parameterIndex, sqlType, typeName));
  }

  @Override
  public void registerOutParameter(String parameterName, SQLType sqlType) throws SQLException {
    tap.outParameter(parameterName, s -> callable(s).registerOutParameter(parameterName, sqlType));
  }

  @Override
  public void registerOutParameter(String parameterName, SQLType sqlType, int scale)
      throws SQLException {
    tap.outParameter(
        parameterName, s -> callable(s).registerOutParameter(parameterName, sqlType, scale));
  }

  @Override
  public void registerOutParameter(String parameterName, SQLType sqlType, String typeName)
      throws SQLException {
    tap.outParameter(
        parameterName, s -> callable(s).registerOutParameter(parameterName, sqlType, typeName));
  }
}
