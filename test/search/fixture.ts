import type { Article } from '../../src/articles/types.js';

/**
 * A small news desk of invented stories on unrelated topics, in English, Russian, German and
 * Spanish, written for these tests. Each paragraph carries facts a reader could ask about.
 */
export function article(id: string, title: string, paragraphs: string[], url: string | null = `https://news.example.org/${id}`): Article {
  return {
    id,
    file: `${id}.md`,
    title,
    url,
    published: '2024-03-14',
    source: 'Example News',
    paragraphs: paragraphs.map((text, index) => ({ index, text })),
  };
}

/** An article as a Markdown file with front matter, as an operator's folder holds it. */
export function markdownOf(a: Article): string {
  return `---\ntitle: ${JSON.stringify(a.title)}\nurl: ${a.url}\npublished: ${a.published}\nsource: ${a.source}\n---\n\n${a.paragraphs.map((p) => p.text).join('\n\n')}\n`;
}

export const COUNCIL = article('council', 'Riverton council approves new tram line', [
  'The Riverton city council voted seven to two on Monday night to approve a new tram line linking the harbour district with the university campus.',
  'The tram line will cost 240 million dollars, most of it paid by a regional transport grant, and construction is due to begin in 2026.',
  'Mayor Helena Marsh, who won the election last spring on a promise to cut traffic, called the vote a turning point for the city.',
  'Two councillors who opposed the plan said shop owners along Canal Street had not been consulted about years of roadworks.',
]);

export const TRANSFER = article('transfer', 'Northbridge United sign striker Tomas Varga', [
  'Northbridge United have signed the Hungarian striker Tomas Varga from FC Zürich for a fee of 45 million euros, a club record.',
  'Varga, 24, agreed a five-year contract and will wear the number nine shirt that has been vacant since last season.',
  'He scored 31 goals in all competitions for the Swiss side and finished as the top scorer of their league.',
]);

export const STORM = article('storm', 'Storm Ingrid floods coastal towns', [
  'Storm Ingrid brought winds of up to 140 kilometres an hour to the northern coast overnight, flooding streets in several fishing towns.',
  'More than 18,000 homes lost electricity, and repair crews expect to restore power to most households by Thursday evening.',
  'Emergency services evacuated two care homes in Port Elwin after the river burst its banks, and nobody was seriously hurt.',
  'The national weather service warned that heavy rain would continue along the coast until the weekend.',
]);

export const EARNINGS = article('earnings', 'Lumatech profit jumps on cloud demand', [
  'Lumatech reported quarterly revenue of 12.4 billion dollars, up 18 percent from a year earlier, beating analyst forecasts.',
  'The cloud computing division grew fastest, and the company said it would hire 3,000 engineers for its data centres next year.',
  'Shares of Lumatech rose nine percent in after-hours trading following the announcement of a new buyback programme.',
]);

export const SCIENCE = article('science', 'Astronomers detect water vapour on a distant exoplanet', [
  'Astronomers using a space telescope have detected water vapour in the atmosphere of an exoplanet orbiting a small red dwarf star 110 light years from Earth.',
  'The planet is about twice the size of Earth and completes an orbit every 33 days, which places it inside the habitable zone of its star.',
  'The research team cautioned that the presence of water does not mean the planet can support life, and said further observations are planned.',
]);

export const RUSSIAN = article('bridge', 'В Казани открыли новый мост через Волгу', [
  'В Казани в субботу открыли новый автомобильный мост через Волгу длиной почти два километра.',
  'Строительство моста обошлось городу в 14 миллиардов рублей и заняло четыре года.',
  'По словам мэра, новый мост разгрузит центр города и сократит время в пути до аэропорта.',
]);

export const GERMAN = article('radwege', 'Hamburg baut neue Radwege', [
  'Die Stadt Hamburg will bis zum Jahr 2028 insgesamt 120 Kilometer neue Radwege bauen, teilte der Senat am Dienstag mit.',
  'Für das Programm sind rund 300 Millionen Euro eingeplant, und die ersten Baustellen sollen schon im Sommer beginnen.',
  'Autofahrer müssen sich auf mehreren Hauptstraßen auf wegfallende Parkplätze einstellen.',
]);

export const SPANISH = article('sequia', 'La sequía deja los embalses de Andalucía bajo mínimos', [
  'Los embalses de Andalucía se encuentran al 22 por ciento de su capacidad, el nivel más bajo registrado en los últimos treinta años.',
  'El gobierno regional ha aprobado restricciones de agua para los agricultores y ha pedido a los vecinos que reduzcan el consumo en sus hogares.',
  'Los expertos advierten de que, sin lluvias abundantes en primavera, algunos pueblos tendrán que recibir agua en camiones cisterna.',
]);

export const NEWS: readonly Article[] = [COUNCIL, TRANSFER, STORM, EARNINGS, SCIENCE, RUSSIAN, GERMAN, SPANISH];
