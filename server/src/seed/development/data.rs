//! Pure data tables of the demo's competency side: the dictionary, the organisers of
//! programs, the comments a supervisor returns a plan with.

/// (code, name, description) of the managerial and socio-cultural competencies
/// (PermenPANRB 38/2017), described in our own words.
pub const MANAGERIAL: [(&str, &str, &str); 9] = [
    (
        "M.01",
        "Integritas",
        "Bertindak jujur, taat aturan dan etika, serta menjaga kepercayaan publik.",
    ),
    (
        "M.02",
        "Kerja Sama",
        "Membangun dan menjaga kerja tim lintas unit untuk tujuan bersama.",
    ),
    (
        "M.03",
        "Komunikasi",
        "Menyampaikan dan menerima informasi dengan jelas, lisan maupun tulisan.",
    ),
    (
        "M.04",
        "Orientasi pada Hasil",
        "Menetapkan target, bekerja tuntas, dan menjaga mutu hasil kerja.",
    ),
    (
        "M.05",
        "Pelayanan Publik",
        "Melayani masyarakat dengan cepat, ramah, dan adil.",
    ),
    (
        "M.06",
        "Pengembangan Diri dan Orang Lain",
        "Terus belajar dan membantu rekan kerja berkembang.",
    ),
    (
        "M.07",
        "Mengelola Perubahan",
        "Menyesuaikan diri dan mendorong perubahan yang bermanfaat.",
    ),
    (
        "M.08",
        "Pengambilan Keputusan",
        "Mengambil keputusan tepat waktu berdasarkan data dan pertimbangan yang matang.",
    ),
    (
        "SK.01",
        "Perekat Bangsa",
        "Menghargai keberagaman dan menjaga persatuan dalam pelayanan.",
    ),
];

/// Technical competencies by OPD family: (family, code, name, description).
pub const TECHNICAL: [(&str, &str, &str, &str); 18] = [
    (
        "KEU",
        "T.KEU.01",
        "Perencanaan dan Penganggaran Daerah",
        "Menyusun RKA dan anggaran perangkat daerah sesuai ketentuan.",
    ),
    (
        "KEU",
        "T.KEU.02",
        "Penatausahaan dan Akuntansi Keuangan Daerah",
        "Mencatat, melaporkan, dan mempertanggungjawabkan keuangan daerah.",
    ),
    (
        "KEU",
        "T.KEU.03",
        "Pengelolaan Barang Milik Daerah",
        "Mencatat, memelihara, dan memanfaatkan aset daerah.",
    ),
    (
        "REN",
        "T.REN.01",
        "Penyusunan Rencana Pembangunan Daerah",
        "Menyusun RPJMD, Renstra, dan Renja berbasis data.",
    ),
    (
        "REN",
        "T.REN.02",
        "Monitoring dan Evaluasi Program",
        "Memantau capaian program dan menilai dampaknya.",
    ),
    (
        "REN",
        "T.REN.03",
        "Analisis Data Pembangunan",
        "Mengolah dan menafsirkan data untuk perencanaan.",
    ),
    (
        "KES",
        "T.KES.01",
        "Pelayanan Kesehatan Dasar",
        "Memberikan pelayanan kesehatan perorangan di fasilitas dasar.",
    ),
    (
        "KES",
        "T.KES.02",
        "Kesehatan Masyarakat dan Surveilans",
        "Mencegah penyakit dan memantau kesehatan masyarakat.",
    ),
    (
        "KES",
        "T.KES.03",
        "Keselamatan Pasien",
        "Menerapkan standar mutu dan keselamatan dalam pelayanan.",
    ),
    (
        "DIK",
        "T.DIK.01",
        "Perencanaan Pembelajaran",
        "Menyusun rencana pembelajaran sesuai kurikulum dan kebutuhan murid.",
    ),
    (
        "DIK",
        "T.DIK.02",
        "Pelaksanaan dan Penilaian Pembelajaran",
        "Mengajar dengan metode yang tepat dan menilai hasil belajar.",
    ),
    (
        "DIK",
        "T.DIK.03",
        "Pembelajaran Digital",
        "Memanfaatkan teknologi digital untuk belajar dan mengajar.",
    ),
    (
        "DUK",
        "T.DUK.01",
        "Pendaftaran Penduduk",
        "Melayani pendaftaran penduduk dan penerbitan dokumennya.",
    ),
    (
        "DUK",
        "T.DUK.02",
        "Pencatatan Sipil",
        "Mencatat peristiwa penting: kelahiran, perkawinan, kematian.",
    ),
    (
        "DUK",
        "T.DUK.03",
        "Pengelolaan Data Kependudukan",
        "Menjaga mutu, keamanan, dan pemanfaatan data kependudukan.",
    ),
    (
        "TRG",
        "T.TRG.01",
        "Penyusunan Rencana Tata Ruang",
        "Menyusun RTRW dan RDTR bersama para pemangku kepentingan.",
    ),
    (
        "TRG",
        "T.TRG.02",
        "Pengendalian Pemanfaatan Ruang",
        "Menilai kesesuaian pemanfaatan ruang dan menegakkan aturannya.",
    ),
    (
        "TRG",
        "T.TRG.03",
        "Administrasi Pertanahan",
        "Mengelola data dan layanan pertanahan daerah.",
    ),
];

pub const ORGANISERS: [(&str, &str, &str); 5] = [
    ("BKPSDMD Kota Palu", "classroom", "Aula BKPSDMD, Palu"),
    (
        "BPSDM Provinsi Sulawesi Tengah",
        "classroom",
        "BPSDM Sulteng, Palu",
    ),
    ("LAN RI (ASN Unggul)", "online", "Daring"),
    (
        "Puslatbang KMP LAN Makassar",
        "blended",
        "Makassar dan daring",
    ),
    ("BKPSDMD Kota Palu", "online", "Daring"),
];

pub const RETURN_COMMENTS: [&str; 3] = [
    "Mohon tambahkan kegiatan untuk kompetensi teknis dengan kesenjangan terbesar.",
    "JP yang direncanakan belum mencapai 20; tambahkan mentoring atau e-learning.",
    "Jadwal pelatihan klasikal bertabrakan dengan masa ujian sekolah; pindahkan ke triwulan lain.",
];
