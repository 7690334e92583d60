//! The rows of the authorization matrix: who may call each route (see `mod.rs`).

/// One route called with one set of arguments, and the outcome for each identity in the
/// order of [`super::IDENTITIES`]:
/// - `A` allowed: past the checks (2xx, a redirect that is not to the login page, or a
///   409/422 from the feature's own rules);
/// - `U` not logged in: 401, or a plain route's redirect to `/masuk`;
/// - `F` forbidden: 403;
/// - `N` not found for them: 404 (a record they may not know of).
///
/// Arguments are a query string; `{name}` is one of the records the test makes first (see
/// `Fixture`). Rows run in order, and within a row the allowed identities call last, so a
/// write that succeeds cannot change what a refused call would have found.
pub(super) const MATRIX: &[(&str, &str, &str)] = &[
    // Anyone, logged in or not.
    ("GET /healthz", "", "A A A A A A"),
    ("POST /bahasa", "ke=en&kembali=/", "A A A A A A"),
    ("POST /api/saya", "", "A A A A A A"),
    (
        "POST /api/masuk",
        "nip={pegawai_nip}&password={password}",
        "A A A A A A",
    ),
    ("POST /api/keluar", "", "A A A A A A"),
    // Everyone logged in, each for themselves.
    ("POST /api/beranda", "", "U A A A A A"),
    ("POST /api/notifikasi", "", "U A A A A A"),
    ("POST /api/notifikasi-dibaca", "", "U A A A A A"),
    (
        "POST /api/ganti-sandi",
        "current=salah-sekali&new=sandi-baru-panjang&confirmation=sandi-baru-panjang",
        "U A A A A A",
    ),
    ("POST /api/rencana", "", "U A A A A A"),
    ("POST /api/jp", "", "U A A A A A"),
    ("POST /api/kompetensi-saya", "", "U A A A A A"),
    ("POST /api/katalog", "", "U A A A A A"),
    ("POST /api/mentoring", "", "U A A A A A"),
    ("POST /api/mentor-profil", "", "U A A A A A"),
    // Nothing valid to save (capacity 0): each gets the rule's 422 after the check.
    (
        "POST /api/mentor-profil-simpan",
        "profile[capacity]=0&profile[mode]=online&profile[bio]=",
        "U A A A A A",
    ),
    // Roles.
    ("POST /api/tim", "", "U F A F F F"),
    ("POST /api/persetujuan", "", "U F A F F F"),
    ("POST /api/verifikasi", "", "U F F F A A"),
    // The demo atasan mentors too (she has a mentor profile); the others do not.
    ("POST /api/mentor-meja", "", "U F A A F F"),
    ("POST /api/pegawai", "query=&page=1", "U F F F A A"),
    ("POST /api/dasbor", "", "U F F F A A"),
    (
        "POST /api/dasbor-pegawai",
        "lihat=semua&page=0",
        "U F F F A A",
    ),
    ("POST /api/dasbor-mentoring", "", "U F F F A A"),
    ("GET /dasbor/unduh", "tabel=ringkasan", "U F F F A A"),
    ("GET /dasbor/mentoring/unduh", "", "U F F F A A"),
    ("POST /api/admin-kompetensi", "", "U F F F F A"),
    ("POST /api/admin-standar", "", "U F F F F A"),
    (
        "POST /api/admin-pencocokan",
        "filter[kompetensi]={m06}",
        "U F F F F A",
    ),
    // Wrong OPD: the pengelola asks for an OPD they do not manage.
    (
        "POST /api/pegawai",
        "opd_id={other_opd}&query=&page=1",
        "U F F F F A",
    ),
    ("POST /api/dasbor", "filter[opd]={other_opd}", "U F F F F A"),
    (
        "POST /api/dasbor-pegawai",
        "filter[opd]={other_opd}&lihat=semua&page=0",
        "U F F F F A",
    ),
    (
        "POST /api/dasbor-mentoring",
        "filter[opd]={other_opd}",
        "U F F F F A",
    ),
    (
        "GET /dasbor/unduh",
        "tabel=ringkasan&opd={other_opd}",
        "U F F F F A",
    ),
    (
        "GET /dasbor/mentoring/unduh",
        "opd={other_opd}",
        "U F F F F A",
    ),
    // The admin's work.
    (
        "POST /api/admin-kompetensi-simpan",
        "id=&code=&kind=teknis&name=&description=&indicators=",
        "U F F F F A",
    ),
    (
        "POST /api/admin-kompetensi-status",
        "id={competency}&pensiun=tidak",
        "U F F F F A",
    ),
    (
        "POST /api/admin-standar-simpan",
        "jabatan=Guru%20Kelas&competency_id={competency}&tingkat=9",
        "U F F F F A",
    ),
    (
        "POST /api/admin-program-simpan",
        "program[title]=&program[path]=pelatihan_teknis&program[competency_id]={competency}&program[jp]=&program[mode]=online&program[organiser]=&program[place]=&program[starts_on]=&program[ends_on]=",
        "U F F F F A",
    ),
    (
        "POST /api/admin-mentor",
        "nip={colleague_nip}&tindakan=tetapkan",
        "U F F F F A",
    ),
    (
        "POST /api/admin-pencocokan-terbit",
        "competency_id={m06}",
        "U F F F F A",
    ),
    // Wrong owner: the pegawai's records, as everyone else.
    ("GET /bukti/{id}", "id={entry}", "U A F F A A"),
    ("GET /bukti/{id}", "id={admin_entry}", "U F F F F A"),
    ("POST /api/jp-catat", "multipart=jp", "U A A A A A"),
    (
        "POST /api/verifikasi-putus",
        "entry_id={admin_entry}&keputusan=sah&alasan=",
        "U F F F F F",
    ),
    (
        "POST /api/verifikasi-putus",
        "entry_id={entry}&keputusan=sah&alasan=",
        "U F F F A A",
    ),
    (
        "POST /api/rencana-tambah",
        "year={year}&competency_id={competency}&path=pelatihan_teknis&title=Pelatihan%20Kurikulum&planned_jp=8&target_quarter=3&program_id=",
        "U A A A A A",
    ),
    ("POST /api/rencana-ajukan", "plan_id={plan}", "U A F F F F"),
    (
        "POST /api/persetujuan-putus",
        "plan_id={plan}&keputusan=kembalikan&komentar=Lengkapi%20lagi",
        "U F A F F F",
    ),
    ("POST /api/rencana-revisi", "plan_id={plan}", "U A F F F F"),
    ("POST /api/rencana-hapus", "item_id={item}", "U A F F F F"),
    // The mentorship of the pegawai (mentee) and the mentor: only its two people.
    ("POST /api/bimbingan", "id={mentorship}", "U A F A F F"),
    (
        "POST /api/mentoring-minta",
        "mentor_id={mentor_id}&competency_id={m06}&goal=Menyusun%20RPP&message=",
        "U A A A A A",
    ),
    (
        "POST /api/mentoring-terima",
        "request_id={request}",
        "U F F A F F",
    ),
    (
        "POST /api/mentoring-tolak",
        "request_id={request}&alasan=no_time&catatan=",
        "U F F A F F",
    ),
    (
        "POST /api/mentoring-tarik",
        "request_id={request}",
        "U A F F F F",
    ),
    (
        "POST /api/bimbingan-sesi",
        "mentorship_id={mentorship}&session[held_on]={today}&session[minutes]=60&session[mode]=online&session[notes]=Membahas%20RPP",
        "U A F A F F",
    ),
    (
        "POST /api/bimbingan-konfirmasi",
        "session_id={session}",
        "U A F A F F",
    ),
    (
        "POST /api/bimbingan-tujuan",
        "mentorship_id={mentorship}&tujuan=RPP%20selesai",
        "U A F A F F",
    ),
    (
        "POST /api/bimbingan-kemajuan",
        "goal_id={goal}&kemajuan=50",
        "U A F A F F",
    ),
    (
        "POST /api/bimbingan-cocok",
        "mentorship_id={mentorship}&cocok=ya",
        "U A F A F F",
    ),
    (
        "POST /api/bimbingan-akhiri",
        "mentorship_id={mentorship}&nilai=5&komentar=Terima%20kasih",
        "U A F A F F",
    ),
    // Learning: any logged-in person sees the courses; the module of the course the pegawai
    // is enrolled in opens to her, its facilitator (the demo mentor) and the admin.
    ("POST /api/belajar", "", "U A A A A A"),
    (
        "POST /api/belajar-program",
        "program_id={course}",
        "U A A A A A",
    ),
    (
        "POST /api/belajar-modul",
        "program_id={literasi}&module_id={literasi_module}",
        "U A F A F A",
    ),
    // The facilitator and the admin pass the check and get the rule's 409 (not a learner).
    (
        "POST /api/belajar-selesai",
        "program_id={literasi}&module_id={literasi_module}&kunci=matriks-1",
        "U A F A F A",
    ),
    (
        "POST /api/belajar-kelola",
        "program_id={literasi}",
        "U F F A F A",
    ),
    (
        "POST /api/belajar-penyunting",
        "program_id={literasi}&module_id={literasi_module}",
        "U F F A F A",
    ),
    (
        "POST /api/belajar-berkas-daftar",
        "program_id={literasi}",
        "U F F A F A",
    ),
    (
        "POST /api/belajar-berkas",
        "multipart=berkas&program_id={literasi}&module_id={literasi_module}",
        "U F F A F A",
    ),
    // A way that is none: the facilitator and the admin pass the check and get the 422.
    (
        "POST /api/belajar-modul-urut",
        "program_id={literasi}&module_id={literasi_module}&arah=kiri",
        "U F F A F A",
    ),
    // SCORM packages: uploaded and listed by the course's facilitator and the admin; a
    // module's package run and reported by its readers (the facilitator and the admin, who
    // are no learners, get the rule's 409 on a report).
    (
        "POST /api/belajar-scorm-daftar",
        "program_id={literasi}",
        "U F F A F A",
    ),
    (
        "POST /api/belajar-scorm",
        "multipart=scorm&program_id={literasi}&module_id={literasi_module}",
        "U F F A F A",
    ),
    (
        "POST /api/belajar-scorm-buka",
        "program_id={literasi}&module_id={scorm_module}",
        "U A F A F A",
    ),
    (
        "POST /api/belajar-scorm-lapor",
        "json=scorm&program_id={literasi}&module_id={scorm_module}",
        "U A F A F A",
    ),
    (
        "GET /belajar/{program}/scorm/{package}/{*path}",
        "program={literasi}&package={scorm_package}&*path=index.html",
        "U A F A F A",
    ),
    // The pegawai is enrolled in the course the mentor facilitates.
    (
        "GET /belajar/{program}/berkas/{file}",
        "program={literasi}&file={literasi_file}",
        "U A F A F A",
    ),
    (
        "POST /api/belajar-modul-simpan",
        "program_id={literasi}&module_id={literasi_module}&module[title]=&module[minutes]=10&module[body]=x",
        "U F F A F A",
    ),
    (
        "POST /api/belajar-modul-terbit",
        "program_id={literasi}&module_id={literasi_module}&catatan=",
        "U F F A F A",
    ),
    // The course's questions: its facilitator and the admin; an import is its maker's own.
    (
        "POST /api/belajar-soal",
        "program_id={literasi}",
        "U F F A F A",
    ),
    (
        "POST /api/belajar-soal-impor",
        "multipart=gift&program_id={literasi}",
        "U F F A F A",
    ),
    (
        "POST /api/belajar-soal-pratinjau",
        "program_id={literasi}&import_id={literasi_import}",
        "U F F A F N",
    ),
    // Saved already: the mentor passes the check and gets the 409.
    (
        "POST /api/belajar-soal-simpan",
        "program_id={literasi}&import_id={literasi_import}",
        "U F F A F N",
    ),
    (
        "POST /api/belajar-soal-tarik",
        "program_id={literasi}&question_id={literasi_question}",
        "U F F A F A",
    ),
    // A pass mark that is none: past the check, the rule's 422.
    (
        "POST /api/belajar-tes-atur",
        "program_id={literasi}&jenis=pasca&module_id=0&tes[pass]=101&tes[attempts]=3&tes[count]=0",
        "U F F A F A",
    ),
    (
        "GET /belajar/{program}/soal.gift",
        "program={literasi}",
        "U F F A F A",
    ),
    // Tests: the course's readers; the attempt is the pegawai's own (the facilitator and the
    // admin, who are no learners, get the rule's 409 on beginning or submitting one).
    (
        "POST /api/belajar-tes",
        "program_id={literasi}",
        "U A F A F A",
    ),
    (
        "POST /api/belajar-tes-mulai",
        "program_id={literasi}&quiz_id={literasi_quiz}&kunci=matriks-2",
        "U A F A F A",
    ),
    (
        "POST /api/belajar-percobaan",
        "program_id={literasi}&attempt_id={literasi_attempt}",
        "U A F N F N",
    ),
    (
        "POST /api/belajar-tes-kirim",
        "program_id={literasi}&attempt_id={literasi_attempt}",
        "U A F A F A",
    ),
    ("POST /api/belajar-pendaftar", "", "U F F F A A"),
    // Attendance in the online course the mentor facilitates: past the check, the rule's 409
    // (attendance is for a classroom).
    (
        "POST /api/belajar-hadir",
        "program_id={literasi}&enrolment_id={application}&hari=1",
        "U F F A F A",
    ),
    // Certificates: the public check for anyone; the PDF for its holder (the pegawai) and the
    // admin, unknown to the others; the list and revocation (a reason missing: the rule's
    // 422 past the check) for the admin.
    (
        "POST /api/sertifikat-periksa",
        "code={certificate_code}",
        "A A A A A A",
    ),
    (
        "POST /api/belajar-sertifikat-saya",
        "program_id={course}",
        "U A A A A A",
    ),
    (
        "GET /sertifikat/{code}/unduh",
        "code={certificate_code}",
        "U A N N N A",
    ),
    (
        "POST /api/sertifikat-daftar",
        "search=&page=0",
        "U F F F F A",
    ),
    (
        "POST /api/sertifikat-cabut",
        "certificate_id={certificate}&reason=",
        "U F F F F A",
    ),
    // The pegawai's application (her OPD's pengelola decides), and the admin's (another OPD).
    (
        "POST /api/belajar-putus",
        "enrolment_id={application}&keputusan=tolak",
        "U F F F A A",
    ),
    (
        "POST /api/belajar-putus",
        "enrolment_id={admin_application}&keputusan=tolak",
        "U F F F F A",
    ),
    (
        "POST /api/belajar-pengaturan",
        "program_id={course}&settings[seats]=&settings[opd]=&settings[jenis]=&settings[open]=ya",
        "U F F F F A",
    ),
    (
        "POST /api/belajar-pengampu",
        "program_id={course}&nip={colleague_nip}&tindakan=tetapkan",
        "U F F F F A",
    ),
    // Each for themselves: enrolled, or the rule's 409.
    (
        "POST /api/belajar-daftar",
        "program_id={course}",
        "U A A A A A",
    ),
    (
        "POST /api/belajar-mundur",
        "program_id={course}",
        "U A A A A A",
    ),
];
