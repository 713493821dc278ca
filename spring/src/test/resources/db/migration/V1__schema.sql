create table note (id bigserial primary key, text varchar(200) not null);
create table tag (id bigserial primary key, name varchar(100) not null);
