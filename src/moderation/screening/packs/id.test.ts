import { describePackCases } from '../../../../test/helpers/screening-pack-cases.js';

/** Indonesian: every violent category, obfuscated forms and benign look-alikes (sentences written for this test, not taken from the dataset). */
describePackCases('id', {
  violent: [
    ['threat', 'direct', 'Gue bakal tusuk lo kalo ketemu di jalan @reza99'],
    ['threat', 'direct, formal', 'Saya akan membakar rumah wartawan itu malam ini'],
    ['incitement', 'direct', 'Umat harus angkat parang dan usir mereka dari kampung'],
    ['death_wish', 'direct', 'Semoga menteri itu cepat mati kena kanker'],
    ['plan', 'direct', 'Jumat jam 8 malam kumpul di pos ronda, bawa golok dan bensin, kita serbu rumah kepala desa'],
    ['glorification', 'direct', 'Pelaku bom gereja itu pahlawan, semoga banyak yang meniru'],
    ['threat', 'leetspeak', 'gw b4kal b4c0k lo @dimas'],
    ['threat', 'spaced letters', 's a y a  a k a n  m e n e m b a k  k a l i a n'],
    ['incitement', 'dotted letters', 'k.i.t.a b.a.k.a.r masjid mereka'],
    ['death_wish', 'emoji weapon', '🔪🔪🔪 buat lo @sari, tunggu aja'],
    ['threat', 'veiled, no harm verb', 'Jaksa itu gak bakal selamet sampe rumah kalo tuntutannya gitu'],
    ['death_wish', 'execution wish at a place', 'Bandar narkoba itu cuma pantes ditembak kepalanya di lapangan'],
    ['threat', 'Medan register, ku- verb + body part', 'Kau tunggu di Siantar, kupatahkan leher kau'],
    ['plan', 'poisoning logistics', 'Sianidanya udah kubeli, nanti pas rapat keluarga teteskan ke kopi om Hendra'],
    ['glorification', 'riot praised, repetition urged', 'Tawuran kemarin mantap, anak sebelah bonyok semua, harusnya tiap minggu gini'],
  ],
  benign: [
    ['news quote', 'Polisi menangkap pria yang mengancam akan membunuh hakim, kata Kapolres.'],
    ['counter-speech', 'Kami mengecam keras ancaman pembunuhan terhadap jurnalis Tempo'],
    ['idiom', 'Bunuh waktu sambil nunggu kereta'],
    ['sports', 'Persebaya membantai Persik 5-0 di Gelora Bung Tomo'],
    ['cooking', 'Cincang bawang putih lalu tumis sampai harum'],
    ['computing', 'Kill prosesnya dulu baru restart servernya'],
    ['lawful criticism', 'Tangkap dan adili koruptor itu, sita asetnya!'],
    ['idiom (hajar = go all out)', 'Malem ini gue hajar semua tugas kuliah sampe kelar'],
    ['everyday meet-up with time and place', 'Besok kumpul jam 6 di terminal Kampung Rambutan ya, bawa bekal buat camping'],
    ['sports at a pitch', 'Timnas bakal bantai Thailand di lapangan nanti malam'],
    ['everyday pest control', 'Gue mau mampusin nyamuk di kamar, ada raket listrik?'],
    ['idiom (tembak harga = name a price)', 'Tembak aja harganya 200 ribu, pasti laku'],
    ['everyday appointment with things to bring', 'Besok jam 8 kita ketemu di depan kantor kelurahan, jangan lupa bawa KTP dan KK'],
    ['everyday (gue tinggal = I will leave without you)', 'Kalo lo ngaret lagi, gue tinggal ya'],
    ['debate as contest', 'Relawan kita bakal ngebantai lawan di debat nanti malam'],
  ],
});
