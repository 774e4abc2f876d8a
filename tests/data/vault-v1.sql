PRAGMA user_version = 1;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (
	name TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;
INSERT INTO meta VALUES('vault_id','5cad05c1461bb28c3e11dec5be234763');
INSERT INTO meta VALUES('created_at','2026-11-18T11:06:40Z');
CREATE TABLE journal (
	seq INTEGER PRIMARY KEY,
	ts TEXT NOT NULL,
	actor TEXT NOT NULL,
	action TEXT NOT NULL,
	subject TEXT NOT NULL,
	detail TEXT NOT NULL,
	nrows INTEGER NOT NULL,
	content BLOB NOT NULL,
	prev BLOB NOT NULL,
	hash BLOB NOT NULL
) STRICT;
INSERT INTO journal VALUES(1,'2026-11-18T11:06:40Z','os:builder','init','vault','{"vault_id":"5cad05c1461bb28c3e11dec5be234763","schema":1,"lifeboat":"0.1.0"}',0,X'6275cc40567c7a89f0f9287e640536218b76ade649064096d64be880b1d75f3d',X'0000000000000000000000000000000000000000000000000000000000000000',X'c908671b07e64ea0ef8edab906f0ace9c36b46edfa535a891c2833a05703e917');
INSERT INTO journal VALUES(2,'2026-11-18T11:07:40Z','os:builder','import','brokerage','{"source":"brokerage","format":"csv","records":1,"written":1,"unchanged":0,"blake2b":"bf4bb26b24410af1d5f31c71772dd5c0af5ebf981594f03fae5fcc7da1f0d131"}',1,X'384a9b3cd3fc0d66dc0644979cdde199ceb03aa8c0cf7dc7aeff6a3aad62ffc7',X'c908671b07e64ea0ef8edab906f0ace9c36b46edfa535a891c2833a05703e917',X'387849cf2dff0631cdd3b9e9e35ea5c72348ca830e73c6fb9a6dd88d085d4708');
INSERT INTO journal VALUES(3,'2026-11-18T11:08:40Z','os:builder','import','clients','{"source":"clients","format":"csv","records":3,"written":3,"unchanged":0,"blake2b":"0f31b70745a33193f3fbaf52bc3119af8f40b97e9e4103c3a5540840291d2076"}',3,X'e803f594a7f28aa6867b67697a0b7b97931a54ac774f8f63341e571863ed2c5a',X'387849cf2dff0631cdd3b9e9e35ea5c72348ca830e73c6fb9a6dd88d085d4708',X'0f5d8934c66a0649c3d4273a35cb56cd36c88bc1331bc1c5229af0300d4d4fd9');
INSERT INTO journal VALUES(4,'2026-11-18T11:09:40Z','os:builder','import','contacts','{"source":"contacts","format":"csv","records":3,"written":3,"unchanged":0,"blake2b":"8ce9674e41500d8276a559f290d5b71c1dfaa7516979b7e57f2ba6d879d2c9e3"}',3,X'79f357689acdeb323989e5a45228fc5c2cf44d98fc576b167d084a4c2d32244b',X'0f5d8934c66a0649c3d4273a35cb56cd36c88bc1331bc1c5229af0300d4d4fd9',X'663365d2a5affb0561c8696fe853d3567952f0f63702929d003ca412cdbe11cb');
INSERT INTO journal VALUES(5,'2026-11-18T11:10:40Z','os:builder','import','employees','{"source":"employees","format":"csv","records":3,"written":3,"unchanged":0,"blake2b":"f452c58944406a097d8e4b30053b9db40a0512e99469234aa6dc3646e5eade61"}',3,X'a1a352883b63b611f61c01c2aad0504e99d004524716a4ede61a5715f7f74369',X'663365d2a5affb0561c8696fe853d3567952f0f63702929d003ca412cdbe11cb',X'323b0b94cb15984de23db0b64f67641f9718256887268b9beffdfed206f4d9f2');
INSERT INTO journal VALUES(6,'2026-11-18T11:11:40Z','os:builder','import','shipments','{"source":"shipments","format":"csv","records":3,"written":3,"unchanged":0,"blake2b":"2a27ddce7e2b01c29ad55d611abd1278c8eecdce4bf1699a75a589db687393d6"}',3,X'4ad337af9d80efe5224ede23db2cfe2d629071d5e6539a938fdeab08115a8c61',X'323b0b94cb15984de23db0b64f67641f9718256887268b9beffdfed206f4d9f2',X'73c8bcc37480211acf8a7a7832df13af0efe7d6fd956ef584b0e86818aa95a4d');
INSERT INTO journal VALUES(7,'2026-11-18T11:12:40Z','os:builder','import','lines','{"source":"lines","format":"csv","records":3,"written":3,"unchanged":0,"blake2b":"9961de8d53c7a901a902194c09fc58bb6ca28042c4b18d75942f86ed4c256b31"}',3,X'a8a6299b681dcef4d2dd34f9a2ddf578baad2cb8b8fe6d2f1b14932728b3488b',X'73c8bcc37480211acf8a7a7832df13af0efe7d6fd956ef584b0e86818aa95a4d',X'fbb3f93c953dc00a602fb6b33d7cab9e93f23ca384293f5b8f6671826bbfa43c');
CREATE TABLE journal_row (
	seq INTEGER NOT NULL,
	tbl TEXT NOT NULL,
	key TEXT NOT NULL,
	digest BLOB
) STRICT;
INSERT INTO journal_row VALUES(2,'brokerage','24571',X'ef3fcfb7652706528fc07c56b2a2f09efa789d0d3d670d17c087a584e82a4a6c');
INSERT INTO journal_row VALUES(3,'client','12-3456789AB',X'aed1cceeb53ce76bdc12df5732d4094f6a7ac4b1187010e31048551646617df1');
INSERT INTO journal_row VALUES(3,'client','98-7654321CD',X'10e5585cce91f3bce1fd021bf7aafb3aa7852c612c494ed4458bd15e25878058');
INSERT INTO journal_row VALUES(3,'client','123-45-6789',X'fcbb602a7a63e5a155834f0eb6feceae7df94b1ead3698279a84cbb0d1caa95c');
INSERT INTO journal_row VALUES(4,'contact','12-3456789AB|jchen@pacificrim.example',X'7d163287d8ea0ff71bb6c769f377d55ee1e4efc0f893240d66032d8c49c51d4b');
INSERT INTO journal_row VALUES(4,'contact','12-3456789AB|ap@pacificrim.example',X'c873d73924632945fd58c6310db5142d6a420fed4a63867a38c748403c474409');
INSERT INTO journal_row VALUES(4,'contact','98-7654321CD|ops@granite.example',X'437577f7f0a7b695e81e7273f6afb97f11a5cc2f571d99e079776ff84de3a0ed');
INSERT INTO journal_row VALUES(5,'employee','E002',X'aca518479acd81e40fab9c05c1fe319e508db7004966d3c391b6f35553159cd2');
INSERT INTO journal_row VALUES(5,'employee','E001',X'5a71bcd07a6b467cd34fb4649b9d1519fdb0063401f6af24e87591f18ec30f49');
INSERT INTO journal_row VALUES(5,'employee','E003',X'e92c3543afe8f4a6bd6684b4a28b748e90845069854102b3e60f5c722b1b579a');
INSERT INTO journal_row VALUES(6,'shipment','HL26-000001',X'61105156d9374ff0b30296fd18fa33e1761fa8a9dbe9f2dc628f36bf60fdfbbb');
INSERT INTO journal_row VALUES(6,'shipment','HL26-000002',X'1b7cb14f8062f42a0d88782c4c1759d0214dacd185cf802a656a495b8ffd107f');
INSERT INTO journal_row VALUES(6,'shipment','HL26-000003',X'c6ec4849bcaa6d1238a1f0f9c5bd4dd08af866c6d321ee8dedddb823d35406d9');
INSERT INTO journal_row VALUES(7,'line','HL26-000001|1',X'c339ae962060ede8893dc69938d7596c6005cc092d55fcc8e546a10c13faeeba');
INSERT INTO journal_row VALUES(7,'line','HL26-000001|2',X'fbf13011f4394bd7fa4983761680e7270375eead5f5b4672c1bd1075612af116');
INSERT INTO journal_row VALUES(7,'line','HL26-000002|1',X'9740f1eac9232624aa3903f79ffb0077c8c251eaa83345a63df8078a00bdc9c0');
CREATE TABLE brokerage (
	license_number TEXT NOT NULL,
	name TEXT NOT NULL,
	filer_codes TEXT NOT NULL,
	ports TEXT,
	permit_number TEXT,
	address1 TEXT NOT NULL,
	address2 TEXT,
	city TEXT NOT NULL,
	state TEXT,
	postal_code TEXT,
	country TEXT NOT NULL,
	phone TEXT,
	email TEXT,
	signer_name TEXT,
	signer_title TEXT,
	digest BLOB NOT NULL,
	PRIMARY KEY (license_number)
) STRICT;
INSERT INTO brokerage VALUES('24571','Harborline Customs Brokerage LLC','B76;ABC','2704;1001',NULL,'100 Ocean Gate Blvd',NULL,'Long Beach','CA','90802','US','+15625550142','ops@harborline.example','Dana Whitfield','Licensed Customs Broker',X'ef3fcfb7652706528fc07c56b2a2f09efa789d0d3d670d17c087a584e82a4a6c');
CREATE TABLE client (
	importer_number TEXT NOT NULL,
	importer_type TEXT NOT NULL,
	name TEXT NOT NULL,
	address1 TEXT NOT NULL,
	address2 TEXT,
	city TEXT NOT NULL,
	state TEXT,
	postal_code TEXT,
	country TEXT NOT NULL,
	bond_type INTEGER NOT NULL,
	surety_code TEXT,
	bond_amount INTEGER,
	poa_expiry TEXT,
	pms INTEGER,
	ach_payer_unit TEXT,
	email TEXT,
	pga_notes TEXT,
	digest BLOB NOT NULL,
	PRIMARY KEY (importer_number)
) STRICT;
INSERT INTO client VALUES('12-3456789AB','EIN','Pacific Rim Imports Inc','2200 E Carson St',NULL,'Carson','CA','90745','US',8,'457',10000000,'2027-06-30',1,'AB123','ap@pacificrim.example','FDA food facility registration on file, "prior notice" via vendor',X'aed1cceeb53ce76bdc12df5732d4094f6a7ac4b1187010e31048551646617df1');
INSERT INTO client VALUES('98-7654321CD','EIN','Granite State Tools Co','14 Mill St',NULL,'Manchester','NH','03101','US',9,'739',5000000,'2024-01-31',0,NULL,NULL,NULL,X'10e5585cce91f3bce1fd021bf7aafb3aa7852c612c494ed4458bd15e25878058');
INSERT INTO client VALUES('123-45-6789','SSN','Maria Lopez','55 Elm Ave',NULL,'Laredo','TX','78040','US',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,X'fcbb602a7a63e5a155834f0eb6feceae7df94b1ead3698279a84cbb0d1caa95c');
CREATE TABLE contact (
	importer_number TEXT NOT NULL,
	email TEXT NOT NULL,
	name TEXT NOT NULL,
	role TEXT,
	phone TEXT,
	mobile TEXT,
	notify INTEGER,
	digest BLOB NOT NULL,
	PRIMARY KEY (importer_number, email),
	FOREIGN KEY (importer_number) REFERENCES client(importer_number)
) STRICT;
INSERT INTO contact VALUES('12-3456789AB','jchen@pacificrim.example','Jenny Chen','Logistics Manager','+15625550101','+15625550199',1,X'7d163287d8ea0ff71bb6c769f377d55ee1e4efc0f893240d66032d8c49c51d4b');
INSERT INTO contact VALUES('12-3456789AB','ap@pacificrim.example','Accounts Payable',NULL,NULL,NULL,0,X'c873d73924632945fd58c6310db5142d6a420fed4a63867a38c748403c474409');
INSERT INTO contact VALUES('98-7654321CD','ops@granite.example','Tom Ruiz','Operations',NULL,'+16035550110',NULL,X'437577f7f0a7b695e81e7273f6afb97f11a5cc2f571d99e079776ff84de3a0ed');
CREATE TABLE employee (
	employee_id TEXT NOT NULL,
	name TEXT NOT NULL,
	role TEXT NOT NULL,
	office TEXT,
	work_email TEXT,
	personal_email TEXT,
	mobile TEXT,
	home_phone TEXT,
	sms_gateway TEXT,
	reports_to TEXT,
	call_order INTEGER,
	can_sign INTEGER,
	digest BLOB NOT NULL,
	PRIMARY KEY (employee_id),
	FOREIGN KEY (reports_to) REFERENCES employee(employee_id) DEFERRABLE INITIALLY DEFERRED
) STRICT;
INSERT INTO employee VALUES('E002','Luis Ortega','Entry Writer','Long Beach','lortega@harborline.example','luis.ortega@gmail.example.com','+13105550177',NULL,NULL,'E001',1,0,X'aca518479acd81e40fab9c05c1fe319e508db7004966d3c391b6f35553159cd2');
INSERT INTO employee VALUES('E001','Dana Whitfield','Licensed Customs Broker','Long Beach','dana@harborline.example','dana.w@outlook.example.com','+15625550123',NULL,NULL,NULL,1,1,X'5a71bcd07a6b467cd34fb4649b9d1519fdb0063401f6af24e87591f18ec30f49');
INSERT INTO employee VALUES('E003','Priya Natarajan','IT Security Lead','Newark','pnatarajan@harborline.example',NULL,NULL,NULL,NULL,'E001',2,0,X'e92c3543afe8f4a6bd6684b4a28b748e90845069854102b3e60f5c722b1b579a');
CREATE TABLE shipment (
	ref TEXT NOT NULL,
	importer_number TEXT NOT NULL,
	status TEXT NOT NULL,
	mode INTEGER NOT NULL,
	carrier_scac TEXT,
	bill TEXT,
	house_bill TEXT,
	trip TEXT,
	conveyance TEXT,
	port_entry TEXT NOT NULL,
	port_unlading TEXT,
	foreign_port_lading TEXT,
	location_of_goods TEXT,
	go_number TEXT,
	arrival_date TEXT,
	import_date TEXT,
	export_date TEXT,
	export_country TEXT,
	country_origin TEXT,
	entry_number TEXT,
	entry_type INTEGER,
	entry_date TEXT,
	release_date TEXT,
	entered_value INTEGER,
	bond_type INTEGER,
	bond_amount INTEGER,
	it_number TEXT,
	it_date TEXT,
	manifest_number TEXT,
	manifest_qty INTEGER,
	manifest_unit TEXT,
	gross_weight_kg INTEGER,
	ref_id_code TEXT,
	ref_id_number TEXT,
	consignee_number TEXT,
	consignee_name TEXT,
	buyer_name TEXT,
	buyer_id TEXT,
	seller_name TEXT,
	seller_id TEXT,
	manufacturer_name TEXT,
	manufacturer_id TEXT,
	driver_name TEXT,
	driver_dob TEXT,
	truck_plate TEXT,
	ace_trip_number TEXT,
	pga_flags TEXT,
	description TEXT,
	digest BLOB NOT NULL,
	PRIMARY KEY (ref),
	FOREIGN KEY (importer_number) REFERENCES client(importer_number)
) STRICT;
INSERT INTO shipment VALUES('HL26-000001','12-3456789AB','released',11,'MAEU','MAEU123456789',NULL,'612W','MAERSK KENSINGTON','2704','2704','57035','Y123',NULL,'2026-11-20',NULL,NULL,NULL,'CN','B76-1234567-1',1,NULL,'2026-11-21',4821055,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'FDA','lithium-ion batteries',X'61105156d9374ff0b30296fd18fa33e1761fa8a9dbe9f2dc628f36bf60fdfbbb');
INSERT INTO shipment VALUES('HL26-000002','12-3456789AB','arrived',11,'MSCU','MSCU9876543210',NULL,'FA544E','MSC ANNA','2704','2704','57035','Y123',NULL,'2026-11-25',NULL,NULL,NULL,'VN',NULL,NULL,NULL,NULL,1250000,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'wooden furniture',X'1b7cb14f8062f42a0d88782c4c1759d0214dacd185cf802a656a495b8ffd107f');
INSERT INTO shipment VALUES('HL26-000003','98-7654321CD','in_transit',40,NULL,'16012345675',NULL,'UA857',NULL,'1001','1001',NULL,NULL,NULL,'2026-12-02',NULL,NULL,NULL,'DE',NULL,NULL,NULL,NULL,320010,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'hand tools',X'c6ec4849bcaa6d1238a1f0f9c5bd4dd08af866c6d321ee8dedddb823d35406d9');
CREATE TABLE line (
	shipment_ref TEXT NOT NULL,
	line_no INTEGER NOT NULL,
	hts TEXT NOT NULL,
	country_origin TEXT NOT NULL,
	manufacturer_id TEXT,
	description TEXT NOT NULL,
	value INTEGER NOT NULL,
	quantity TEXT,
	unit TEXT,
	quantity2 TEXT,
	unit2 TEXT,
	gross_weight_kg INTEGER,
	adcvd_case TEXT,
	duty_rate TEXT,
	duty INTEGER,
	digest BLOB NOT NULL,
	PRIMARY KEY (shipment_ref, line_no),
	FOREIGN KEY (shipment_ref) REFERENCES shipment(ref)
) STRICT;
INSERT INTO line VALUES('HL26-000001',1,'8507600020','CN','CNSHEELE1234SHA','lithium-ion batteries',4021055,'1200','NO',NULL,NULL,NULL,NULL,'3.4%',136716,X'c339ae962060ede8893dc69938d7596c6005cc092d55fcc8e546a10c13faeeba');
INSERT INTO line VALUES('HL26-000001',2,'8544429090','CN',NULL,'insulated cables',800000,'350.5','KG',NULL,NULL,NULL,NULL,'2.6%',20800,X'fbf13011f4394bd7fa4983761680e7270375eead5f5b4672c1bd1075612af116');
INSERT INTO line VALUES('HL26-000002',1,'9403608081','VN','VNHOACHI12HCM','wooden furniture',1250000,'40','NO',NULL,NULL,NULL,NULL,'Free',0,X'9740f1eac9232624aa3903f79ffb0077c8c251eaa83345a63df8078a00bdc9c0');
CREATE INDEX journal_action ON journal (action, subject, seq);
CREATE UNIQUE INDEX shipment_entry ON shipment (entry_number)
	WHERE entry_number IS NOT NULL;
CREATE INDEX shipment_client ON shipment (importer_number);
CREATE INDEX shipment_status ON shipment (status);
COMMIT;
