import { describePackCases } from '../../../../test/helpers/screening-pack-cases.js';

/** Portuguese (Brazil and Portugal): every violent category, obfuscated forms and benign look-alikes (sentences written for this test, not taken from the dataset). */
describePackCases('pt', {
  violent: [
    ['threat', 'direct', '@joao_p vou te matar, pode esperar'],
    ['threat', 'third person object', 'Vou encher esse juiz de bala quando ele sair do fórum'],
    ['incitement', 'direct', 'Alguém tem que enforcar esse ministro corrupto'],
    ['death_wish', 'direct', 'Tomara que esse deputado morra queimado'],
    ['plan', 'direct', 'Sábado 23h no estacionamento da prefeitura, cada um leva uma arma, o alvo é o prefeito'],
    ['glorification', 'direct', 'O atirador de Realengo foi um herói, façam de novo'],
    ['threat', 'leetspeak', 'v0u t3 m4t4r @joao_p'],
    ['threat', 'spaced letters', 'vou te m a t a r @joao_p'],
    ['threat', 'emoji weapon', 'vou te 🔪🔪 hoje @joao_p'],
  ],
  benign: [
    ['news quote', 'Segundo a polícia, o suspeito escreveu "vou te matar" para a vereadora'],
    ['counter-speech', 'Ameaçar jornalista de morte é crime, toda solidariedade à repórter'],
    ['idiom', 'Morri de rir com esse vídeo'],
    ['sports', 'O Flamengo massacrou o Vasco, 4x0 no segundo tempo'],
    ['cooking', 'Pique a cebola e amasse o alho antes de refogar'],
    ['computing', 'Tem que matar o processo zumbi e reiniciar o servidor'],
  ],
});
