# Bantuan baris perintah: baris tentang, contoh (--after), uraian panjang (--long) dan
# bantuan setiap argumen (perintah--argumen). Lihat src/cli/help.rs untuk id-nya.

seminar = Rencanakan seminar dari satu berkas SQLite lokal: pembicara, moderator, tempat, slot, dan agenda

seminar--after =
    Seminar disebut dengan slug (kss-2017) atau #ID. Tanggal: 2017-05-18, 18/05/2017, 18 Mei 2017,
    Kamis, 18 Mei 2017. Jam: 09:00 atau 09.00. Zona: Asia/Jakarta, WIB, WITA, WIT.

    Kode keluar: 0 berhasil, 1 galat, 2 salah penggunaan, 3 `check` menemukan masalah.

seminar--db = Berkas basis data [env: SEMINAR_DB; config: db] [bawaan: folder data sistem, mis. ~/.local/share/seminar/seminar.db]

seminar--json = Cetak JSON yang dapat dibaca mesin (untuk perintah baca, dan catatan yang diubah oleh perintah)

seminar--lang = Bahasa keluaran [env: SEMINAR_LANG; config: lang] [bawaan: en]

seminar--yes = Anggap setuju: jangan bertanya sebelum menghapus

seminar--no_input = Jangan pernah bertanya (otomatis bila stdin bukan terminal)

flag-help = Tampilkan bantuan

flag-version = Tampilkan versi

seminar-create = Buat seminar

seminar-create--after =
    Contoh:
      seminar create "Seminar on South-South Cooperation" --date "Kamis, 18/05/2017" \
        --start 09:00 --end 12:00 --tz WIB --venue "Auditorium Juwono Sudarsono" --slug kss-2017

seminar-create--title = Judul seminar; tanpa judul (di terminal) setiap rincian ditanyakan satu per satu

seminar-create--date = Hari (pertama): 2017-05-18, 18/05/2017, 18 Mei 2017, Kamis, 18 Mei 2017

seminar-create--until = Hari terakhir, untuk seminar beberapa hari

seminar-create--start = Jam mulai setiap hari, 09:00 atau 09.00 [bawaan: 09:00]

seminar-create--end = Jam selesai setiap hari [bawaan: 17:00, atau dua jam setelah jam mulai bila mulainya lebih sore]

seminar-create--tz = Zona waktu: Asia/Jakarta, WIB, WITA, WIT... [env: SEMINAR_TZ] [bawaan: zona sistem]

seminar-create--venue = Tempat, menurut nama (ditambahkan bila baru)

seminar-create--subtitle = Tema atau subjudul

seminar-create--organizers = Penyelenggara; ulangi untuk beberapa penyelenggara

seminar-create--description = Deskripsi untuk agenda

seminar-create--slug = Nama pendek untuk baris perintah [bawaan: dari judul dan tahun]

seminar-create--status = planned, confirmed atau cancelled [bawaan: planned]

seminar--force = Catat walaupun melanggar aturan jadwal (`seminar check` akan melaporkannya)

seminar--new = Buat orang, institusi atau tempat walaupun namanya mirip dengan yang sudah ada; orang walaupun sudah ada orang lain bernama sama

seminar-list = Daftar seminar

seminar-list--after =
    Contoh:
      seminar list --from 2017-05-01 --to 2017-05-31 --search cooperation

seminar--from = Hanya seminar pada atau setelah tanggal ini

seminar--to = Hanya seminar pada atau sebelum tanggal ini

seminar-list--venue = Hanya seminar di tempat ini

seminar-list--search = Hanya seminar yang judul, tema, slug atau penyelenggaranya memuat teks ini

seminar-show = Tampilkan semua yang tercatat tentang seminar

seminar-show--after =
    Contoh:
      seminar show kss-2017

seminar--seminar = Seminarnya: slug (kss-2017) atau #ID

seminar-edit = Ubah seminar

seminar-edit--after =
    Contoh:
      seminar edit kss-2017 --start 08:30 --status confirmed

seminar-edit--title = Judul baru

seminar-edit--date = Hari (pertama) baru; slot ikut pindah

seminar-edit--until = Hari terakhir baru

seminar-edit--start = Jam mulai baru (setiap hari, atau hari yang diberikan dengan --on); susunan acara ikut bergeser

seminar-edit--end = Jam selesai baru (pada atau sebelum jam mulai: keesokan paginya)

seminar-edit--on = Beri satu hari jamnya sendiri dengan --start dan --end (jika diberi jam seminar lagi, jam khususnya dihapus)

seminar-edit--tz = Zona waktu baru; slot tetap pada jam setempatnya

seminar-edit--venue = Tempat baru, menurut nama (ditambahkan bila baru); "" menghapus tempat

seminar-edit--subtitle = Tema baru; "" menghapusnya

seminar-edit--organizers = Penyelenggara, mengganti daftar lama; ulangi untuk beberapa penyelenggara

seminar-edit--no_organizers = Hapus semua penyelenggara

seminar-cancel = Tandai seminar batal (tetap tercatat, tidak lagi memakai tempat atau waktu siapa pun)

seminar-cancel--after =
    Contoh:
      seminar cancel kss-2017

seminar-delete = Hapus seminar beserta peran dan slotnya (bertanya dulu)

seminar-delete--after =
    Contoh:
      seminar delete kss-2017 --yes

seminar-speaker = Tambah, hapus, dan daftar pembicara

seminar-speaker-add = Tambah pembicara, dengan slot materi bila --talk diberikan

seminar-speaker-add--after =
    Contoh:
      seminar speaker add kss-2017 "Dinur Krismasari" --position "Senior Representative" \
        --institution "JICA Indonesia" --talk "Japan's triangular cooperation" --at 09:45 --minutes 30

seminar--name = Orangnya: NAMA (huruf besar-kecil dan aksen bebas), "NAMA (INSTITUSI)", "NAMA <email>" atau #ID; nama yang dipakai beberapa orang harus menyebut yang mana. Tanpa nama (di terminal), orang yang sudah tercatat ditawarkan untuk dipilih

seminar--institution = Institusinya, menurut nama, singkatan, atau nama lain (ditambahkan bila baru); "Nama (SINGKATAN)" menetapkan singkatannya

seminar--position = Jabatannya pada saat seminar ini

seminar--email = Emailnya (data pribadi: tidak ikut diekspor)

seminar--phone = Nomor teleponnya (data pribadi: tidak ikut diekspor)

seminar-speaker-add--talk = Judul materinya: membuat slot materi

seminar-speaker-add--at = Jam mulai materi

seminar-speaker-add--on = Hari materi, untuk seminar beberapa hari [bawaan: hari pertama]

seminar-speaker-add--minutes = Lama materi dalam menit

seminar-speaker-add--room = Ruang materi (ditambahkan sebagai tempat bila baru) [bawaan: ruang sesinya, jika tidak ada, tempat seminar]

seminar-speaker-add--session = Sesi tempat materi ini: judul atau #ID-nya

seminar-speaker-remove = Hapus pembicara dari seminar, beserta materi yang hanya dia bawakan di sana

seminar-speaker-remove--after =
    Contoh:
      seminar speaker remove kss-2017 "Dinur Krismasari"

seminar-speaker-remove--name = Pembicaranya: NAMA, "NAMA (INSTITUSI)", "NAMA <email>" atau #ID

seminar-speaker-list = Daftar pembicara dengan jabatan dan institusi mereka pada tiap seminar

seminar-speaker-list--after =
    Contoh:
      seminar speaker list kss-2017
      seminar speaker list --institution JICA

seminar-speaker-list--seminar = Hanya pembicara seminar ini (slug atau #ID)

seminar-speaker-list--institution = Hanya yang berbicara mewakili institusi ini (nama atau singkatan)

seminar--format = Format keluaran (--json sama dengan --format json)

seminar--output = Tulis ke berkas ini (diganti secara atomik) alih-alih ke keluaran standar

seminar-speaker-list--include_contacts = CSV dan JSON: sertakan email dan telepon (data pribadi: tidak disertakan bila tidak diminta)

flag-help-summary = Tampilkan bantuan (lebih lengkap dengan '--help')

flag-help-long = Tampilkan bantuan (ringkasannya dengan '-h')

seminar-help = Tampilkan pesan ini atau bantuan subperintah yang disebut

seminar-moderator = Tugaskan dan lepaskan moderator

seminar-moderator-assign = Jadikan seseorang moderator seminar

seminar-moderator-assign--after =
    Contoh:
      seminar moderator assign kss-2017 "Valerina Daniel"

seminar-moderator-unassign = Lepaskan moderator dari seminar

seminar-moderator-unassign--after =
    Contoh:
      seminar moderator unassign kss-2017 "Valerina Daniel"

seminar-moderator-unassign--name = Moderatornya: NAMA, "NAMA (INSTITUSI)", "NAMA <email>" atau #ID

seminar-venue = Tambah, daftar, dan tetapkan tempat

seminar-venue-add = Tambah tempat

seminar-venue-add--after =
    Contoh:
      seminar venue add "Auditorium Juwono Sudarsono" --address "FISIP UI, Depok" --capacity 300

seminar-venue-add--name = Nama tempat

seminar-venue-add--capacity = Jumlah kursi

seminar-venue-add--new = Tambahkan walaupun namanya mirip dengan tempat yang sudah ada

seminar-venue-list = Daftar tempat

seminar-venue-list--after =
    Contoh:
      seminar venue list

seminar-venue-assign = Adakan seminar di suatu tempat (ditolak bila tempat itu sudah terpakai pada waktu itu)

seminar-venue-assign--after =
    Contoh:
      seminar venue assign kss-2017 "Auditorium Juwono Sudarsono"

seminar-venue-assign--venue = Nama tempat (ditambahkan bila baru)

seminar-venue-edit = Ganti nama tempat atau tetapkan alamat atau kapasitasnya

seminar-venue-edit--after =
    Contoh:
      seminar venue edit "Ruang 2" --name "Ruang Sidang 2" --capacity 60
      seminar venue edit "Ruang 2" --address ""

seminar--venue = Nama tempat (huruf besar-kecil dan aksen bebas)

seminar-venue-edit--new_name = Nama barunya

seminar-venue-edit--address = Alamatnya; nilai kosong menghapusnya

seminar-venue-edit--capacity = Jumlah kursi; nilai kosong menghapusnya

seminar-venue-edit--new = Ganti namanya walaupun nama baru mirip dengan tempat yang sudah ada

seminar-venue-remove = Hapus tempat yang tidak dipakai seminar, sesi atau slot mana pun (bertanya dulu; --yes untuk melewati)

seminar-venue-remove--after =
    Contoh:
      seminar venue remove "Ruang 4"

seminar-institution = Tambah dan daftar institusi

seminar-institution-add = Tambah institusi

seminar-institution-add--after =
    Contoh:
      seminar institution add "Kementerian Luar Negeri" --short Kemlu

seminar-institution-add--name = Nama lengkap institusi

seminar-institution-add--short = Singkatannya (Kemlu, JICA, INFID), juga diterima di mana pun institusi disebut

seminar-institution-add--new = Tambahkan walaupun namanya mirip dengan institusi yang sudah ada

seminar-institution-list = Daftar institusi

seminar-institution-list--after =
    Contoh:
      seminar institution list

seminar-institution-edit = Ganti nama institusi atau tetapkan singkatannya

seminar-institution-edit--after =
    Contoh:
      seminar institution edit "JICA Indonesia" --short JICA
      seminar institution edit Kemlu --name "Kementerian Luar Negeri"

seminar-institution-edit--name = Institusinya, menurut nama atau singkatan

seminar-institution-edit--new_name = Nama lengkap barunya

seminar-institution-edit--short = Singkatannya; nilai kosong menghapusnya

seminar-institution-merge = Gabungkan institusi ganda ke institusi lain: orang dan perannya ikut pindah

seminar-institution-merge--after =
    Contoh:
      seminar institution merge "Kementerian Luar Negri" "Kementerian Luar Negeri"

seminar-institution-merge--from = Institusi ganda, yang akan dihapus

seminar-institution-merge--into = Institusi yang tetap ada dan mengambil alih orang dan peran dari institusi ganda

seminar-person = Daftar dan tampilkan orang

seminar-person-list = Daftar orang yang menjadi pembicara atau moderator

seminar-person-list--after =
    Contoh:
      seminar person list --search jica

seminar-person-list--search = Hanya orang yang nama, jabatan atau institusinya memuat teks ini

seminar-person-show = Tampilkan seseorang, dengan setiap seminar yang dia ikuti

seminar-person-show--after =
    Contoh:
      seminar person show "dinur krismasari"

seminar-person-show--name = Orangnya: NAMA (huruf besar-kecil dan aksen bebas), "NAMA (INSTITUSI)", "NAMA <email>" atau #ID; nama yang dipakai beberapa orang ditolak, dengan daftar mereka

seminar-person-merge = Gabungkan orang ganda ke orang lain: peran dan materinya ikut pindah, tidak ada yang hilang

seminar-person-merge--after =
    Contoh:
      seminar person merge "Dinur Krismasari (JICA)" "Dinur Krismasari"

seminar-person-merge--from = Orang ganda, yang akan dihapus: NAMA, "NAMA (INSTITUSI)", "NAMA <email>" atau #ID

seminar-person-merge--into = Orang yang tetap ada dan mengambil alih peran orang ganda (disebut dengan cara yang sama)

seminar-person-merge--force = Gabungkan walaupun orang itu jadinya berada di dua tempat pada waktu yang sama

seminar-slot = Atur susunan acara seminar

seminar-slot-add = Tambah slot ke susunan acara seminar

seminar-slot-add--after =
    Contoh:
      seminar slot add kss-2017 "Opening remarks" --at 09:00 --minutes 15 --kind opening

seminar-slot-add--title = Apa yang berlangsung di slot ini

seminar--at = Jam mulai, 09:00 atau 09.00

seminar-slot-add--minutes = Lama dalam menit

seminar-slot-add--on = Harinya, untuk seminar beberapa hari [bawaan: hari pertama]

seminar-slot-add--speakers = Orang di slot ini (NAMA, "NAMA (INSTITUSI)", "NAMA <email>" atau #ID); ulangi untuk beberapa orang (ditambahkan sebagai pembicara bila belum ada di seminar)

seminar-slot-add--room = Ruangnya (ditambahkan sebagai tempat bila baru) [bawaan: ruang sesinya, jika tidak ada, tempat seminar]

seminar-slot-add--session = Sesi tempat slot ini: judul atau #ID-nya

seminar-slot-add--track = Label jalur [bawaan: jalur sesinya]

seminar-slot-edit = Ubah atau pindahkan slot (jam, hari, ruang, durasi, judul, jenis, sesi, jalur); id dan UID kalendernya tetap

seminar-slot-edit--after =
    Contoh:
      seminar slot move knhi-2027 "Panel 2B" --room "Ruang 3" --at 13:30
      seminar slot edit kss-2017 '#4' --minutes 45 --title "Q&A"

seminar--slot = Slotnya: #ID, jam mulainya (10:30) atau judulnya

seminar-slot-edit--at = Jam mulai baru

seminar-slot-edit--on = Hari baru, untuk seminar beberapa hari

seminar--minutes = Lama baru dalam menit

seminar-slot-edit--room = Ruang baru ("" untuk ruang sesi atau tempat seminar)

seminar-slot-edit--session = Sesi baru, menurut judul atau #ID ("" untuk tanpa sesi)

seminar--track = Jalur baru ("" untuk tanpa jalur)

seminar-slot-list = Daftar slot seminar dengan id-nya

seminar-slot-list--after =
    Contoh:
      seminar slot list kss-2017

seminar-slot-remove = Hapus slot, disebut dengan #ID, jam mulai atau judulnya

seminar-slot-remove--after =
    Contoh:
      seminar slot remove kss-2017 '#3'
      seminar slot remove kss-2017 10:30

seminar-session = Sesi: pleno, panel paralel dan lokakarya, masing-masing di satu ruang dengan moderator sesinya

seminar-session-add = Tambah sesi: blok berjudul pada satu hari di satu ruang, dengan moderator sesinya

seminar-session-add--after =
    Contoh:
      seminar session add knhi-2027 "Panel 1B: Diplomasi ekonomi" --on 2027-05-12 --at 10:30 \
        --minutes 90 --room "Ruang 2" --chair "Siti Rahmawati" --kind parallel --track Ekonomi

seminar-session-add--title = Judul sesi

seminar-session-add--on = Harinya [bawaan: hari pertama seminar]

seminar-session-add--minutes = Lama dalam menit

seminar-session-add--end = Jam selesai (pada atau sebelum jam mulai: keesokan paginya)

seminar-session-add--room = Ruangnya (ditambahkan sebagai tempat bila baru) [bawaan: tempat seminar]

seminar-session-add--chairs = Moderator sesi; ulangi untuk beberapa orang (ditambahkan sebagai moderator seminar)

seminar-session-add--track = Label jalur

seminar-session-list = Daftar sesi seminar dengan ruang dan moderator sesinya

seminar-session-list--after =
    Contoh:
      seminar session list knhi-2027

seminar-session-show = Tampilkan satu sesi dengan slot-slotnya

seminar-session-show--after =
    Contoh:
      seminar session show knhi-2027 "Panel 1B"

seminar--session = Sesinya: judul atau #ID-nya

seminar-session-edit = Ubah atau pindahkan sesi; slot-slotnya ikut pindah dan UID kalendernya tetap

seminar-session-edit--after =
    Contoh:
      seminar session move knhi-2027 "Panel 2B" --room "Ruang 3" --at 13:30
      seminar session edit knhi-2027 "#4" --chair "Poppy Lestari" --chair "Wawan Mas'udi"

seminar-session-edit--on = Hari baru

seminar-session-edit--at = Jam mulai baru (slot-slotnya bergeser sebanyak itu)

seminar-session-edit--end = Jam selesai baru

seminar-session-edit--room = Ruang baru ("" untuk tempat seminar)

seminar-session-edit--chairs = Moderator sesi, mengganti yang sekarang; ulangi untuk beberapa orang

seminar-session-remove = Hapus sesi beserta slot-slotnya (atau pertahankan slotnya dengan --keep-slots)

seminar-session-remove--after =
    Contoh:
      seminar session remove knhi-2027 "Panel 2B" --keep-slots

seminar-session-remove--keep_slots = Pertahankan slot-slot sesi, berdiri sendiri di ruangnya

seminar-publish = Terbitkan jadwal seminar sebagai versi berikutnya (1, 2, …)

seminar-publish--after =
    Contoh:
      seminar publish kss-2017 --note "panel 2B pindah ke Ruang 3"

seminar-publish--seminar = Seminarnya (slug atau #ID)

seminar-publish--note = Tentang apa versi ini ("ruang panel 2B berubah")

seminar-versions = Daftar versi terbitan seminar

seminar-versions--after =
    Contoh:
      seminar versions kss-2017

seminar-versions--seminar = Seminarnya (slug atau #ID)

seminar-changes = Apa yang berubah sejak suatu versi terbitan: materi dan sesi yang ditambah, dibatalkan, dipindah

seminar-changes--after =
    Contoh:
      seminar changes kss-2017
      seminar changes kss-2017 --since 1 --format markdown

seminar-changes--seminar = Seminarnya (slug atau #ID)

seminar-changes--since = Bandingkan dengan versi N, atau dengan versi terakhir yang terbit pada atau sebelum TANGGAL [bawaan: versi terbitan terakhir]

seminar-changes--per_person = Tulis draf pesan (.eml dan .txt) untuk setiap pembicara atau moderator sesi yang bagiannya berubah, ke folder yang diberikan dengan -o; tidak ada yang dikirim

seminar-changes--output = Folder untuk draf --per-person (dibuat bila belum ada)

seminar-roster = Semua orang yang berperan dalam satu seminar, atau dalam seminar-seminar suatu periode: untuk sertifikat dan siaran pers

seminar-roster--after =
    Contoh:
      seminar roster kss-2017 --lang id
      seminar roster --from 2017-01-01 --to 2017-12-31 --format csv -o roster-2017.csv
      seminar roster kss-2017 --format html -o roster.html

seminar-roster--from = Setiap seminar yang berlangsung sejak tanggal ini (bersama --to)

seminar-roster--to = Setiap seminar yang berlangsung sampai tanggal ini (bersama --from)

seminar-roster--include_contacts = Sertakan email dan telepon (data pribadi: tidak disertakan bila tidak diminta; berkasnya dibuat privat)

seminar-agenda = Cetak agenda seminar, atau seminar-seminar mendatang per hari

seminar-agenda--after =
    Contoh:
      seminar agenda kss-2017 --lang id
      seminar agenda kss-2017 --format html -o agenda.html
      seminar agenda

seminar-agenda--seminar = Seminarnya (slug atau #ID); tanpa itu, seminar-seminar mendatang dikelompokkan per hari

seminar-agenda--from = Tanpa seminar: mulai dari tanggal ini, bukan dari hari ini

seminar-agenda--to = Tanpa seminar: berhenti setelah tanggal ini

seminar-agenda--on = Hanya hari seminar pada tanggal ini

seminar-agenda--room = Hanya yang berlangsung di ruang ini

seminar-agenda--track = Hanya jalur ini

seminar-agenda--grid = Tabel jadwal: ruang sebagai kolom, waktu sebagai baris (text atau html)

seminar-agenda--show_cancelled = Juga materi dan sesi yang dibatalkan setelah terbit, dicoret

seminar--slots = iCalendar: juga satu acara untuk setiap slot susunan acara

seminar--include_contacts = JSON: sertakan email dan telepon orang (data pribadi: tidak disertakan bila tidak diminta)

seminar-export = Tulis banyak seminar ke satu berkas: arsip JSON, iCalendar, XML frab, CSV...

seminar-export--after =
    Contoh:
      seminar export --format ics --from 2017-01-01 --to 2017-12-31 -o seminars-2017.ics
      seminar export --format json -o backup.json

seminar-export--format = Format berkasnya

seminar-export--output = Berkas yang ditulis (diganti secara atomik); `-` untuk keluaran standar

seminar-import = Baca seminar atau pembicara dari berkas, semua atau tidak sama sekali; jadwal atau arsip yang seminar atau acaranya sudah tercatat (guid/uid sama) memperbarui seminar itu

seminar-import--after =
    Contoh:
      seminar import speakers.csv --seminar kss-2017 --dry-run
      seminar import schedule.xml
      seminar import schedule-v2.xml --dry-run   (apa yang diubah oleh jadwal yang diperbarui)
      seminar import backup.json

seminar-import--file = Berkasnya: arsip JSON, CSV pembicara, schedule.xml frab/pretalx atau .ics iCalendar

seminar-import--format = Format berkas [bawaan: dari ekstensinya: .json, .csv, .xml, .ics]

seminar-import--seminar = CSV: seminar tujuan setiap baris (slug atau #ID), alih-alih kolom seminar; iCalendar: seminar tercatat yang akan menerima acara-acaranya sebagai slot

seminar-import--tz = Zona waktu jadwal yang tidak menyebut zona [bawaan: zona yang diatur]

seminar-import--dry_run = Periksa semuanya dan tunjukkan apa yang akan berubah (untuk seminar yang tercatat, laporan perubahannya), tanpa mengubah apa pun

seminar-check = Laporkan jadwal yang bentrok dan masalah susunan acara (keluar dengan kode 3 bila ada)

seminar-check--after =
    Contoh:
      seminar check

seminar-check--seminar = Hanya masalah yang menyangkut seminar ini (slug atau #ID)

seminar-backup = Salin basis data ke sebuah berkas, aman walaupun sedang dipakai

seminar-backup--after =
    Contoh:
      seminar backup ~/backups/seminar-2017-05-18.db
      seminar --db copy.db agenda kss-2017      # baca salinannya seperti basis data biasa

seminar-backup--file = Tempat menulis salinan (diganti secara atomik bila sudah ada)

seminar-doctor = Periksa berkas basis data: keutuhan, rujukan, versi skema dan aturan jadwal (keluar dengan kode 3 bila ada yang salah)

seminar-doctor--after =
    Contoh:
      seminar doctor

seminar-config = Tampilkan dari mana basis data, bahasa dan zona waktu berasal

seminar-config-show = Cetak basis data, bahasa dan zona waktu yang berlaku, dan asal masing-masing

seminar-config-show--after =
    Contoh:
      seminar config show

seminar-completions = Cetak skrip pelengkapan shell (bash, zsh, fish, powershell, elvish)

seminar-completions--after =
    Contoh:
      seminar completions bash > ~/.local/share/bash-completion/completions/seminar
      seminar completions zsh > ~/.zfunc/_seminar
      seminar completions fish > ~/.config/fish/completions/seminar.fish

seminar-completions--shell = Shell yang dilengkapi

seminar-man = Cetak halaman manual, atau tulis satu halaman per perintah

seminar-man--after =
    Contoh:
      seminar man | man -l -
      seminar man --dir ~/.local/share/man/man1

seminar-man--dir = Tulis satu halaman per perintah (seminar.1, seminar-speaker-add.1, …) ke folder ini alih-alih mencetak halaman utama

## Nilai --format (argumen--nilai)

seminar--format--text = Tabel untuk terminal

seminar--format--markdown = Tabel Markdown gaya GitHub

seminar--format--html = Satu halaman HTML siap cetak (A4)

seminar--format--csv = CSV (RFC 4180), satu baris per slot

seminar--format--json = JSON (lihat README: JSON shapes)

seminar--format--ics = iCalendar (RFC 5545), satu acara per seminar

seminar--format--frab = schedule.xml frab / C3VOC

seminar-speaker-list--format--text = Tabel

seminar-speaker-list--format--csv = CSV dengan kolom yang dibaca kembali oleh `seminar import`

seminar-speaker-list--format--markdown = Tabel Markdown

seminar-roster--format--text = Tabel

seminar-roster--format--markdown = Tabel Markdown

seminar-roster--format--csv = CSV (RFC 4180), satu baris per orang dan seminar

seminar-roster--format--json = JSON (lihat README: JSON output)

seminar-import--format--json = Arsip `seminar export --format json`, atau satu seminar dari `agenda --format json`

seminar-import--format--csv = Pembicara dan moderator, satu per baris (lihat README: CSV columns)

seminar-import--format--frab = schedule.xml frab / C3VOC / pretalx

seminar-import--format--ics = Berkas iCalendar (Indico, pretalx, Google, Apple, Thunderbird), satu seminar

seminar-speaker-add--titles = Gelarnya, seperti di sertifikat: gelar depan, koma, gelar belakang ("Prof. Dr., M.Si.", "Dr.", ", M.A."); "" menghapusnya. Gelar yang ditulis dalam NAMA ("Dr. Siti Rahmawati, M.A.") juga diambil

seminar-moderator-assign--titles = Gelarnya, seperti di sertifikat: gelar depan, koma, gelar belakang ("Prof. Dr., M.Si.", "Dr.", ", M.A."); "" menghapusnya. Gelar yang ditulis dalam NAMA ("Dr. Siti Rahmawati, M.A.") juga diambil

seminar-institution-alias = Nama lain sebuah institusi (Univ. Gadjah Mada, Kemenlu): dikenali seperti namanya

seminar-institution-alias-add = Beri institusi nama lain yang dikenali di mana pun institusi disebut

seminar-institution-alias-add--after =
    Contoh:
      seminar institution alias add "Kementerian Luar Negeri" Kemenlu

seminar-institution-alias-add--institution = Institusinya, menurut nama, singkatan, atau nama lain

seminar-institution-alias-add--alias = Nama lainnya

seminar-institution-alias-remove = Hapus nama lain dari sebuah institusi

seminar-institution-alias-remove--after =
    Contoh:
      seminar institution alias remove "Kementerian Luar Negeri" Kemenlu

seminar-institution-alias-remove--institution = Institusinya, menurut nama, singkatan, atau nama lain

seminar-institution-alias-remove--alias = Nama lainnya

seminar-speaker-add--keynote = Catat sebagai pembicara kunci (sibuk selama materinya, seperti pembicara)

seminar-speaker-remove--keynote = Lepas perannya sebagai pembicara kunci [bawaan: peran pembicaranya, atau peran pembicara kuncinya]

seminar-moderator-assign--mc = Catat sebagai pembawa acara (sibuk selama jam seminar, seperti moderator seluruh seminar)

seminar-moderator-unassign--mc = Lepas perannya sebagai pembawa acara [bawaan: peran moderatornya, atau peran pembawa acaranya]
