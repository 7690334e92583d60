//! The demo's courses and their modules, written for Bina in its own words (Indonesian
//! Markdown). Pure data.

/// A demo course: its catalog program and modules (title, minutes, Markdown).
pub struct CourseText {
    pub title: &'static str,
    pub competency: &'static str,
    pub mode: &'static str,
    pub jp: i64,
    pub organiser: &'static str,
    pub place: &'static str,
    /// Seats of the classroom part; `None`: no limit.
    pub seats: Option<i64>,
    pub modules: &'static [(&'static str, i64, &'static str)],
}

pub const COURSES: &[CourseText] = &[
    CourseText {
        title: "Pelayanan Publik Prima",
        competency: "M.05",
        mode: "online",
        jp: 12,
        organiser: "BKPSDMD Kota Palu",
        place: "Daring",
        seats: None,
        modules: &[
            (
                "Standar pelayanan yang dipahami warga",
                15,
                "# Mengapa standar pelayanan?\n\nWarga yang datang ke kantor kelurahan ingin tahu tiga hal: **apa syaratnya, berapa lama, dan berapa biayanya**. Standar pelayanan menjawab ketiganya sebelum warga bertanya.\n\n## Isi standar pelayanan\n\n- persyaratan yang harus dibawa;\n- alur dan waktu penyelesaian;\n- biaya atau tarif (tulis *gratis* bila memang gratis);\n- produk yang diterima warga;\n- cara menyampaikan pengaduan.\n\n## Latihan singkat\n\nPilih satu layanan di unit Anda. Tuliskan standarnya dalam lima baris di atas, lalu minta rekan yang bukan dari unit Anda membacanya. Bila ia masih bertanya, perbaiki kalimatnya.\n",
            ),
            (
                "Menangani keluhan dengan tenang",
                20,
                "# Keluhan adalah masukan\n\nKeluhan menunjukkan bagian layanan yang belum berjalan. Warga yang mengeluh masih berharap; warga yang kecewa dan diam biasanya tidak kembali.\n\n## Lima langkah\n\n1. Dengarkan sampai selesai, tanpa memotong.\n2. Ulangi inti keluhan dengan kata-kata Anda sendiri.\n3. Sampaikan apa yang bisa dilakukan **hari ini**.\n4. Catat keluhan di kanal pengaduan (SP4N-LAPOR! atau buku pengaduan unit).\n5. Kabari warga ketika masalahnya selesai.\n\n> Hindari kalimat \"itu bukan urusan kami\". Bila memang bukan, antarkan warga ke unit yang tepat.\n",
            ),
            (
                "Pelayanan yang inklusif",
                15,
                "# Semua warga berhak dilayani\n\nLansia, penyandang disabilitas, ibu hamil, dan warga yang tinggal jauh dari pusat kota sering menghadapi hambatan tambahan.\n\n## Yang dapat dilakukan unit Anda\n\n| Hambatan | Contoh penyesuaian |\n|---|---|\n| Sulit berjalan | loket di lantai dasar, kursi tunggu |\n| Sulit membaca | petugas membacakan formulir |\n| Rumah jauh | layanan jemput bola, janji temu lewat telepon |\n| Sinyal lemah | formulir cetak sebagai cadangan layanan daring |\n\nTuliskan satu penyesuaian yang bisa dimulai bulan ini tanpa anggaran tambahan.\n",
            ),
        ],
    },
    CourseText {
        title: "Dasar Pengelolaan Keuangan Daerah",
        competency: "T.KEU.01",
        mode: "online",
        jp: 10,
        organiser: "BKPSDMD Kota Palu bersama BPKAD",
        place: "Daring",
        seats: None,
        modules: &[
            (
                "Siklus APBD dalam satu tahun",
                20,
                "# Dari rencana ke pertanggungjawaban\n\nAPBD berjalan dalam siklus: **perencanaan, penganggaran, pelaksanaan, penatausahaan, dan pertanggungjawaban**. Setiap OPD memegang peran di setiap tahap.\n\n## Urutan ringkas\n\n1. Rencana kerja OPD disusun dari rencana pembangunan daerah.\n2. RKA OPD memuat program, kegiatan, dan biayanya.\n3. Setelah APBD ditetapkan, DPA menjadi dasar pelaksanaan.\n4. Setiap belanja dicatat dan dibuktikan.\n5. Laporan keuangan disusun di akhir tahun.\n\nPahami di tahap mana pekerjaan Anda berada; itu menentukan dokumen yang harus Anda jaga.\n",
            ),
            (
                "Penatausahaan belanja",
                20,
                "# Bukti yang rapi\n\nBendahara dan PPTK bekerja dengan satu prinsip: *tidak ada belanja tanpa bukti yang sah*.\n\n## Yang perlu ada pada setiap belanja\n\n- dasar pelaksanaan (DPA dan surat perintah);\n- bukti pembayaran yang ditandatangani;\n- potongan pajak yang disetor tepat waktu;\n- catatan di buku kas umum.\n\nSimpan bukti dalam urutan tanggal. Pemeriksa lebih mudah menelusuri dan Anda lebih cepat menjawab pertanyaan.\n",
            ),
            (
                "Menyusun pertanggungjawaban",
                15,
                "# Laporan yang dapat dipercaya\n\nLaporan pertanggungjawaban menunjukkan bahwa uang daerah dipakai sesuai rencana.\n\n## Periksa sebelum menyerahkan\n\n1. Jumlah di laporan sama dengan buku kas.\n2. Setiap angka punya bukti.\n3. Sisa dana dijelaskan.\n4. Laporan ditandatangani pejabat yang berwenang.\n\nBila menemukan selisih, laporkan segera. Selisih kecil yang dijelaskan lebih baik daripada temuan di akhir tahun.\n",
            ),
        ],
    },
    CourseText {
        title: "Literasi Digital ASN",
        competency: "M.07",
        mode: "online",
        jp: 8,
        organiser: "Diskominfo Kota Palu",
        place: "Daring",
        seats: None,
        modules: &[
            (
                "Menjaga akun dan kata sandi",
                10,
                "# Akun kerja adalah pintu kantor\n\nSiapa pun yang tahu kata sandi Anda dapat bertindak atas nama Anda.\n\n## Kebiasaan aman\n\n- gunakan **kalimat sandi** yang panjang, misalnya empat kata acak;\n- jangan memakai sandi yang sama untuk akun kerja dan akun pribadi;\n- aktifkan verifikasi dua langkah bila tersedia;\n- keluar dari akun di komputer bersama.\n\nTidak ada petugas resmi yang meminta kata sandi Anda lewat telepon atau pesan.\n",
            ),
            (
                "Mengenali hoaks dan penipuan",
                15,
                "# Berhenti sebelum meneruskan\n\nPesan palsu sering memakai nama instansi, logo, dan nada mendesak.\n\n## Tiga pertanyaan\n\n1. Siapa sumbernya, dan apakah sumber itu bisa dihubungi?\n2. Apakah isinya meminta Anda segera membayar, mengeklik, atau meneruskan?\n3. Apakah situs resmi instansi memuat kabar yang sama?\n\nBila ragu, jangan teruskan. Tanyakan ke humas atau Diskominfo.\n",
            ),
            (
                "Bekerja dengan dokumen bersama",
                15,
                "# Satu dokumen, banyak penulis\n\nDokumen bersama menghemat waktu bila aturannya jelas.\n\n## Aturan kecil\n\n- beri nama berkas dengan tanggal dan versi: `2026-03-rencana-kerja-v2`;\n- gunakan komentar, bukan menghapus tulisan rekan;\n- atur hak akses: *lihat* untuk umum, *sunting* hanya untuk tim;\n- simpan salinan akhir dalam format PDF.\n\nDi tempat dengan sinyal lemah, unduh dokumen sebelum berangkat dan unggah kembali ketika tersambung.\n",
            ),
        ],
    },
    CourseText {
        title: "Integritas dan Antikorupsi",
        competency: "M.01",
        mode: "online",
        jp: 8,
        organiser: "Inspektorat Kota Palu",
        place: "Daring",
        seats: None,
        modules: &[
            (
                "Nilai dasar BerAKHLAK dalam keseharian",
                15,
                "# Nilai yang terlihat dalam tindakan\n\nBerAKHLAK merangkum nilai dasar ASN: **Berorientasi pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif**.\n\n## Contoh sehari-hari\n\n- *Akuntabel*: mencatat pekerjaan sehingga orang lain dapat memeriksanya.\n- *Harmonis*: menghargai rekan yang berbeda pendapat.\n- *Adaptif*: mau mencoba cara kerja baru yang lebih cepat.\n\nPilih satu nilai dan tuliskan satu tindakan yang akan Anda lakukan minggu ini.\n",
            ),
            (
                "Gratifikasi: menolak dengan sopan",
                15,
                "# Hadiah yang berkaitan dengan jabatan\n\nGratifikasi adalah pemberian yang berhubungan dengan jabatan Anda, apa pun bentuknya.\n\n## Bila ditawari\n\n1. Tolak dengan sopan: \"Terima kasih, layanan ini memang tugas kami.\"\n2. Bila tidak dapat ditolak, laporkan dalam 30 hari kerja melalui unit pengendalian gratifikasi.\n3. Catat siapa, kapan, dan apa yang diberikan.\n\nMelaporkan melindungi Anda, bukan menuduh pemberi.\n",
            ),
            (
                "Benturan kepentingan",
                15,
                "# Ketika urusan pribadi bertemu tugas\n\nBenturan kepentingan terjadi ketika keputusan Anda dapat menguntungkan diri sendiri, keluarga, atau teman.\n\n## Contoh\n\n- menilai penawaran dari usaha milik kerabat;\n- memproses izin tetangga yang meminta didahulukan.\n\n## Yang dilakukan\n\nNyatakan benturan itu kepada atasan dan mundur dari keputusan tersebut. Keterbukaan adalah bagian dari integritas.\n",
            ),
        ],
    },
    CourseText {
        title: "Pelatihan Penyusunan Laporan Kinerja",
        competency: "M.04",
        mode: "classroom",
        jp: 16,
        organiser: "BKPSDMD Kota Palu",
        place: "Aula BKPSDMD, Jl. Balai Kota Selatan, Palu",
        seats: Some(3),
        modules: &[(
            "Bahan bacaan sebelum kelas",
            10,
            "# Sebelum hari pertama\n\nBawa laporan kinerja unit Anda tahun lalu. Di kelas kita akan memeriksa apakah **indikator, target, dan capaian** di dalamnya saling terhubung.\n\nSiapkan juga satu contoh kegiatan yang hasilnya sulit diukur; kita akan mencari indikatornya bersama.\n",
        )],
    },
    // The last module of this course is Bina's sample SCORM package (`super::SCORM_COURSE`).
    CourseText {
        title: "Etika Pelayanan: Latihan Interaktif",
        competency: "M.05",
        mode: "online",
        jp: 2,
        organiser: "BKPSDMD Kota Palu",
        place: "Daring",
        seats: None,
        modules: &[(
            "Sebelum latihan",
            5,
            "# Latihan singkat di peramban\n\nModul berikutnya adalah latihan interaktif: dua situasi di loket pelayanan, masing-masing dengan pilihan jawaban. Latihan itu mencatat sendiri hasil Anda; kursus selesai ketika semua jawaban benar.\n\nLatihan memerlukan JavaScript di peramban. Bacaan ini dapat dibaca tanpa JavaScript.\n",
        )],
    },
];
