create table book (
  id bigserial primary key,
  isbn varchar(100) not null unique,
  title varchar(200) not null,
  on_loan boolean not null default false
);
create table audit_log (id bigserial primary key, message text not null);
