// English stopwords: function words plus reporting verbs and news filler that say nothing about which
// event an article reports ("said", "according", "told").
const LIST = `a about above according across after afterwards again against ago all almost alone along already also
although always am among amongst an and another any anybody anyone anything anyway anywhere are aren around as
at back be became because become becomes becoming been before beforehand behind being below beside besides
between beyond both but by can cannot could couldn did didn do does doesn doing don done down due during each
either else elsewhere enough even ever every everyone everything everywhere except few for former formerly from
further had hadn has hasn have haven having he hence her here hereafter hereby herein hers herself him himself
his how however i if in indeed instead into is isn it its itself just last latter least less let like ll made
make many may me meanwhile might mine more moreover most mostly much must my myself namely neither never
nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one only onto or other
others otherwise our ours ourselves out over own per perhaps please put quite rather re really s same say
said says saying see seem seemed seeming seems several she should shouldn since so some somehow someone
something sometime sometimes somewhere still such t than that the their theirs them themselves then thence
there thereafter thereby therefore therein thereupon these they this those though through throughout thru thus
to together too told toward towards under until up upon us ve very via was wasn we well were weren what
whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which while
whither who whoever whole whom whose why will with within without won would wouldn yet you your yours yourself
yourselves also told tell tells added asked stated noted according reported reportedly new news year years
week weeks day days time today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
mr mrs ms dr`;

export const STOPWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter((w) => w !== ''));
