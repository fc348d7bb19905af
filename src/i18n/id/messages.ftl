# Pesan umum. Bantuan baris perintah ada di help.ftl.

seminar-count =
    { $count ->
        [0] tidak ada seminar
       *[other] { $count } seminar
    }

## Kata-kata yang ditulis clap di sekitar --help

heading-usage = Penggunaan:
heading-commands = Perintah:
heading-arguments = Argumen:
heading-options = Opsi:
help-default = bawaan:
help-possible-values = nilai yang mungkin:
help-possible-values-heading = Nilai yang mungkin:

## Kesalahan penggunaan baris perintah (satu baris: "error: …; saran: …; lihat 'seminar help'")

usage-see-help = lihat 'seminar help'
usage-tip = saran:
usage-unknown-argument = argumen '{ $arg }' tidak dikenal
usage-unknown-subcommand = subperintah '{ $name }' tidak dikenal
usage-missing-value = '{ $arg }' memerlukan nilai, tetapi tidak ada yang diberikan
usage-invalid-value = nilai '{ $value }' tidak sah untuk '{ $arg }'
usage-missing-arguments = argumen wajib berikut belum diberikan: { $args }
usage-used-twice = argumen '{ $arg }' tidak boleh dipakai lebih dari sekali
usage-conflict = argumen '{ $arg }' tidak dapat dipakai bersama '{ $other }'
usage-too-many-values = nilai '{ $value }' untuk '{ $arg }' tidak diharapkan; tidak ada nilai lain yang diterima
usage-missing-subcommand = '{ $name }' memerlukan subperintah, tetapi tidak ada yang diberikan
usage-subcommands = subperintah:
usage-similar-subcommand = ada subperintah yang mirip: '{ $name }'
usage-similar-argument = ada argumen yang mirip: '{ $name }'
usage-similar-value = ada nilai yang mirip: '{ $name }'
usage-pass-as-value = untuk memberikan '{ $arg }' sebagai nilai, tulis '{ $escaped }'

## Judul bagian halaman manual (seminar man)

man-name = NAMA
man-synopsis = SINOPSIS
man-description = DESKRIPSI
man-options = OPSI
man-subcommands = PERINTAH
man-extra = LAIN-LAIN
man-version = VERSI
man-wrote = Halaman manual ditulis ke { $dir }
