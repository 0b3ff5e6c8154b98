// The example article behind the "Example" button. Written by the Lede team:
// the people, organisations, quotes, handle and links are invented; the
// places are real. It exercises what real articles throw at the analyser:
// a headline, quotes in several shapes (including a split quote), "according
// to", an anonymous source, a hedge, numbers, money, percentages, dates and
// times, and an embedded social post copied with its trailer line.
// Bundled as a module (not fetched) so the page makes no request after load.

/** The example article, plain text with blank lines between paragraphs. */
export const EXAMPLE_ARTICLE = `Sacramento Approves $48.5 Million Plan to Rebuild Flooded Riverside District

SACRAMENTO, Calif. — The city council voted 7-2 on Tuesday night to spend $48.5 million rebuilding the Riverside district, which flooded in March, ending a debate that ran past 11:30 p.m.

More than 400 residents signed up to speak at the meeting, which began at 6 p.m. and spilled into an overflow room across the street at the Golden State Convention Hall.

“We are not going to leave these families waiting for another winter,” said Mayor Elena Marsh, who has backed the plan since April.

Councillor Tomas Reyes, who voted against it, said the district would flood again within a decade unless the levees were raised by at least 4 feet first. Reyes said: “We are pouring concrete on top of a problem. The river will still be there, and so will the bill.”

According to a report by the Delta Waterways Institute, about 1,200 homes were damaged and 38% of the shops on Front Street have not reopened. The institute put total losses at $112 million.

“The money is a start,” said Priya Nandakumar, director of the Riverside Tenants Union, “but people need to see cranes, not press releases, before the rains come back in November.”

City officials said the first contracts would be signed by August 15, 2025. Two officials, who asked not to be named because bidding has not closed, said Halvorsen Civil Works was the leading candidate.

Halvorsen allegedly underbid a similar project in Stockton by 20 percent before asking for more money, according to court filings. A spokesman for the company declined to comment on Wednesday.

The firm’s chief executive, Dana Whitcombe, told reporters at 9 a.m. that Halvorsen had “never missed a deadline in 30 years.”

Marsh celebrated the vote on social media shortly after midnight:

Riverside is coming back, stronger and drier than before 💪 Thank you to every neighbour who stayed up late to speak. #RebuildRiverside starts nowpic.twitter.com/Xq7Lm2Rd9T
— Elena Marsh (@MayorElenaMarsh) July 7, 2025

Residents can read the full plan at https://riverside-plan.example.org/full-text and send comments to comments@riverside-plan.example.org until September 30.
`;
