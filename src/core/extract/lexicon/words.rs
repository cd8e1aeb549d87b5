//! Fixed word lists of the entity rules, packed at compile time (`WordSet`).

/// Words that join the parts of one name ("Bureau of European and Eurasian Affairs").
pub(crate) const CONNECTORS: crate::core::WordSet = crate::core::word_set!(
    "of|for|the|and|on|de|la|del|van|von|al|bin|ibn|der|den|da|dos|das|du|&"
);
/// The connectors that may stand inside a person's name, before the surname: "Charles de
/// Gaulle", "Vincent van Gogh", "Mohammed bin Salman".
pub(crate) const NAME_PARTICLES: crate::core::WordSet =
    crate::core::word_set!("de|la|del|van|von|al|bin|ibn|der|den|da|dos|das|du");
/// Capitalised words that are never entities by themselves.
pub(crate) const NEVER: crate::core::WordSet = crate::core::word_set!("I|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Mr|Mrs|Ms|Dr|GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|AEST|AEDT|IST|JST|AM|PM|VIP|VIPs|HTML|PDF|URL|GDP|DNA|RNA|HIV|AIDS|OK|VR|IT|ID|PhD|MBA|FAQ|USB|WiFi|LGBT|LGBTQ|USD|EUR|GBP|JPY|CNY|RMB|CHF|CAD|AUD|NZD|HKD|SGD|INR|RUB|DKK|SEK|NOK|PLN|CZK|HUF|ZAR|BRL|MXN|KRW|UAH|QC|KC|OBE|MBE|CBE|KBE|IQ|LED|LEDs|LCD|UV|GPS|GIS|CPU|GPU|RAM|SMS|API|SQL|XML|JSON|HTTP|HTTPS|DVD|CD|MP3|CO2|BC|BCE|AD|WWI|WWII|Sept|Feb|Apr|Aug|Oct|Nov|Dec|Christmas|Thanksgiving|Halloween|Hanukkah|Ramadan|Passover|Diwali");
/// Words of the titles' list that qualify a title ("Former President", "Acting Director")
/// and make none alone.
pub(crate) const TITLE_QUALIFIERS: crate::core::WordSet =
    crate::core::word_set!("Former|former|Acting|Interim|Senior|Junior|Vice");
/// Words that, with a colon after them, label a caption's credit or source
/// (`Extractor::caption_label`).
pub(crate) const CAPTION_LABELS: crate::core::WordSet = crate::core::word_set!(
    "Image|Images|Photo|Photos|Photograph|Picture|Pictures|Video|Credit|Credits|Source|Sources|Caption|Illustration|Graphic|Map|Chart|File|Audio|Transcript"
);
/// Words capitalised only because they start a sentence.
pub(crate) const STARTERS: crate::core::WordSet = crate::core::word_set!("The|A|An|In|On|At|As|But|And|Or|So|If|When|While|After|Before|During|Despite|Meanwhile|However|Although|Though|Because|Since|Until|Under|Over|With|Without|From|To|For|By|Of|This|That|These|Those|It|He|She|They|We|You|His|Her|Its|Their|Our|My|Your|There|Here|What|Why|How|Who|Where|Which|Also|Still|Yet|Then|Now|Today|Yesterday|Tomorrow|Last|Next|Earlier|Later|Additionally|Furthermore|Moreover|Instead|Already|Just|Only|Even|Both|Each|Every|All|Some|Many|Most|Several|Other|Another|Such|No|Not|One|Two|Three|According|Following|Among|Amid|Against|Through|Throughout|Within|Around|About|Overall|Indeed|Finally|First|Second|Third|Former|Once|Like|Unlike|Nor|Thus|Others|Few|Everyone|Everybody|Nobody|Someone|Somebody|Anyone|None");
pub(crate) const NAME_SUFFIXES: crate::core::WordSet =
    crate::core::word_set!("Jr.|Sr.|Jr|Sr|II|III|IV");
/// Feature words that make a place a geographic location.
pub(crate) const LOC_HEADS: crate::core::WordSet = crate::core::word_set!("Sea|Ocean|River|Mountains|Mountain|Island|Islands|Strait|Peninsula|Valley|Desert|Bay|Gulf|Lake|Canal|Channel|Coast|Basin|Plateau|East|West|North|South|Central|Highlands|Delta|Creek|Reservoir|Lagoon|Glacier|Fjord|Swamp|Archipelago|Atoll|Volcano|Gorge|Cove|Wetlands|Headland|Estuary|Waterfall");
/// Head words of places that are also surnames ("Hancock Brook", "Forbes Field", but
/// "Sally Field", "Edward Heath"): a place only when no given name comes first.
pub(crate) const SURNAME_PLACE_HEADS: crate::core::WordSet = crate::core::word_set!("Brook|Pond|Field|Ridge|Heath|Moor|Marsh|Peak|Dock|Docks|Mill|Mills|Hill|Way|Wood|Woods|Green|Common|Hall");
/// Other head words of places that are common surnames too ("Lake Victoria", "Ines Lake";
/// "Hyde Park", "Ana Park"): a person's name after a title and a given name.
pub(crate) const SURNAMES_TOO: crate::core::WordSet = crate::core::word_set!(
    "Park|Lake|Bridge|Springs|Hills|Banks|Rivers|Forest|Beach|Marsh|Fields|Brooks"
);
/// Head words of buildings, streets and other built places (FAC in OntoNotes; LOC here):
/// "Fisht Stadium", "Grand Mosque", "Jamarat Bridge".
pub(crate) const FACILITY_HEADS: crate::core::WordSet = crate::core::word_set!("St.|Ave|Ave.|Rd|Rd.|Blvd|Blvd.|Expressway|Turnpike|Freeway|Parkway|Junction|Reserve|Sanctuary|Stadium|Arena|Bridge|Hotel|Station|Airport|Tower|Towers|Mosque|Cathedral|Temple|Chapel|Abbey|Palace|Castle|Square|Street|Road|Avenue|Boulevard|Lane|Park|Gardens|Memorial|Monument|Plaza|Harbour|Harbor|Beach|Falls|Hills|Forest|Canyon|Cave|Reef|Pier|Dam|Tunnel|Highway|Motorway|Prison|Building|Cemetery|Wharf|Quay|Mall|Circuit|Racecourse|Speedway|Drive|Terrace|Crescent|Gymnasium|Ballpark|Coliseum|Colosseum|Velodrome|Raceway|Airfield|Airbase|Lighthouse|Courthouse|Pavilion|Boardwalk|Promenade|Causeway|Viaduct|Aqueduct|Marina|Campground|Zoo|Synagogue|Jail|Mansion|Manor|Trail");
/// Head words of settlements and administrative areas (GPE): "Taipei City", "Saratoga Springs".
pub(crate) const SETTLEMENT_HEADS: crate::core::WordSet = crate::core::word_set!(
    "City|County|Town|Township|Village|Borough|Province|Prefecture|Springs|Heights|Parish|Oblast|Governorate"
);
/// Words that name a part of a place before it: "East Los Angeles", "Northern Ontario".
pub(crate) const COMPASS: crate::core::WordSet = crate::core::word_set!("North|South|East|West|Northeast|Northwest|Southeast|Southwest|Midwest|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|Inner|Outer|Downtown");
/// The compass words that begin a place's own name ("East Java", "Northern Cape"), not
/// "Central" or "Upper", which begin organisations' names as often.
pub(crate) const PLACE_COMPASS: crate::core::WordSet = crate::core::word_set!("North|South|East|West|Northeast|Northwest|Southeast|Southwest|Northern|Southern|Eastern|Western");
/// Head words of events, works and periods, which are none of the classes scored here:
/// "World Cup", "American Revolutionary War", "Waitangi Day", "Hong Kong Open".
pub(crate) const EVENT_HEADS: crate::core::WordSet = crate::core::word_set!("War|Wars|Cup|Games|Olympics|Paralympics|Championship|Championships|Tournament|Festival|Expo|Fair|Awards|Award|Prize|Day|Week|Month|Revolution|Crisis|Era|Age|Dynasty|Act|Bill|Treaty|Accord|Accords|Agreement|Agreements|Convention|Doctrine|Plan|Summit|Marathon|Series|Season|Show|Survey|Census|Open|Masters|Classic|Invitational|Prix|Trophy");
/// Lower-case nouns that, after "X, a" or "X, the", say X is an organisation.
pub(crate) const ORG_NOUNS: crate::core::WordSet = crate::core::word_set!("charity|company|firm|group|organisation|organization|party|band|club|agency|campaign|network|union|society|foundation|startup|start-up|retailer|bank|newspaper|magazine|broadcaster|website|publisher|manufacturer|airline|university|school|college|team|coalition|movement|alliance|association|institute|nonprofit|non-profit|charity|NGO|consultancy|chain|brand|label|studio|developer|insurer|lender|supermarket|conglomerate|subsidiary|outlet|tabloid|daily|weekly|council|committee|body|regulator|watchdog|trust|cooperative|co-operative|collective|federation|league|club|think-tank|militia|faction");
/// The legal forms that end a company's name without a full stop ("Lear Corp", "Siemens
/// AG"): the name is an organisation's (the forms with a full stop are organisation words
/// of the lexicon). Alone, none is a name.
pub(crate) const CORP_SUFFIXES: crate::core::WordSet =
    crate::core::word_set!("Corp|Inc|Ltd|Plc|PLC|AG|SA|NV|LLC|LLP|GmbH|Bros|Limited|Incorporated|Co|SpA|AB|ASA|Oyj|BV|KK|Bhd|Tbk");
/// The last words of a company's name, by which its first word alone is the company:
/// legal forms aside (`CORP_SUFFIXES`), the words of trade.
pub(crate) const COMPANY_ENDS: crate::core::WordSet = crate::core::word_set!(
    "Corporation|Corp.|Company|Co.|Inc.|Ltd.|Group|Holdings|Industries|Motors|Foods|\
     Airlines|Airways|Records|Studios|Labs|Laboratories|Pharmaceuticals|Partners|\
     Ventures|Solutions|Consulting|Systems|Technologies|Entertainment|Cement|Textiles|\
     Chemicals|Petroleum|Electric|Electronics|Insurance|Securities|Capital|Investments|\
     Shipping|Logistics|Software|Mining|Brands|Beverages|Bancorp|Semiconductor|\
     Automotive|Aerospace|Robotics|Networks|Therapeutics|Biosciences|Biotech|Realty|\
     Steel|Devices|Instruments|Semiconductors|Media|Energy|Telecom|Brewery|Sciences|\
     Developments|Assurance"
);
/// Lower-case nouns that, right before a name, say it is an organisation's: "the daily
/// Le Monde", "tyre giant Pirelli", "the airline Air Lanka" (not "group", "club" or
/// "label", which a relative clause often follows: "a group Obama won"; nor "publisher"
/// or "producer", often a person's).
pub(crate) const ORG_LEADS: crate::core::WordSet = crate::core::word_set!("company|firm|band|agency|foundation|startup|retailer|bank|newspaper|magazine|broadcaster|manufacturer|airline|charity|consultancy|insurer|lender|supermarket|conglomerate|subsidiary|tabloid|daily|weekly|regulator|watchdog|militia|giant|carmaker|automaker|carrier|brokerage|broadsheet|group|app|platform|chain|utility|outlet|publisher|label|studio|club|streamer|chipmaker|drugmaker|website|party");
/// Lower-case nouns whose name stands right before them: "the X newspaper", "the X
/// company" (not "group", "party", "movement" or "network": "the Sanders movement" is a
/// person's).
pub(crate) const ORG_FOLLOWERS: crate::core::WordSet = crate::core::word_set!("newspaper|newspapers|daily|weekly|magazine|tabloid|agency|broadcaster|company|firm|bank|airline|carrier|conglomerate|corporation|consortium|retailer|publisher|manufacturer|carmaker|automaker|insurer|lender|brokerage");
/// A word that may stand between such a name and its noun: "the X news agency".
pub(crate) const ORG_MODIFIERS: crate::core::WordSet = crate::core::word_set!(
    "news|media|television|TV|radio|wire|press|investment|holding|oil|energy|state-run|state-owned"
);
/// Participles after a name and a hyphen that make the pair a modifier: "New York-based",
/// "Kremlin-backed".
pub(crate) const HYPHEN_AFTER_NAME: crate::core::WordSet = crate::core::word_set!("based|born|bred|led|backed|owned|run|listed|made|funded|financed|bound|related|registered|headquartered|affiliated|allied|aligned|linked|sponsored|controlled|dominated|educated|raised|trained|held|occupied|built|designed|brokered|appointed|friendly|centric|style|era|inspired|oriented|focused|area");
/// Lower-case nouns that, after "X's", say X is an organisation: "Acme's chief executive".
pub(crate) const ORG_POSSESSIONS: crate::core::WordSet = crate::core::word_set!("CEO|board|shareholders|headquarters|employees|staff|subsidiary|subsidiaries|workforce|stores|shares|stock|chairman|chairwoman|founder|founders|members|membership|website|products|spokesperson");
/// Head words of papers and channels, named in lists ("Quinnipiac and Fox News"), not
/// across "and" as a department is ("the Food and Drug Administration").
pub(crate) const MEDIA_HEADS: crate::core::WordSet = crate::core::word_set!(
    "News|Times|Post|Journal|Herald|Tribune|Gazette|Press|Radio|Television|TV|Network|Weekly|Magazine|Media"
);
/// The abbreviations of the states of the United States that news style writes after a
/// town and a comma ("Irvine, Calif.", "Concord, N.H."), without their last dot.
pub(crate) const US_STATES_SHORT: crate::core::WordSet = crate::core::word_set!(
    "Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Vt|Va|Wash|Wis|Wyo|N.H|N.J|N.M|N.Y|N.C|N.D|S.C|S.D|R.I|W.Va"
);
/// Titles only a company gives, which name it when they stand between it and a person:
/// "Cofinec CEO Stephen Frater", "Acme chairman Jo Lee", "Eagles owner Jo Lee" (in lower
/// case "chief executive"
/// is read word by word).
pub(crate) const COMPANY_TITLES: crate::core::WordSet = crate::core::word_set!(
    "CEO|Chairman|Chairwoman|Chief Executive|Chief Executive Officer|Executive Chairman|Managing Director|chairman|chairwoman|founder|co-founder|cofounder|owner"
);
/// Prepositions after which a lone unknown capitalised word is most likely a place.
/// Verbs of saying right after a name: its bearer speaks, so is a person.
pub(crate) const SPEECH_AFTER: crate::core::WordSet = crate::core::word_set!(
    "said|says|told|tells|added|wrote|writes|explained|argued|recalled|insisted"
);
/// Lower-case words that, before "of", say a place's name follows: "a suburb of Aarhus",
/// "the mayor of Zandvoort".
pub(crate) const PLACE_OF: crate::core::WordSet = crate::core::word_set!("town|towns|city|cities|village|villages|suburb|suburbs|outskirts|capital|province|county|district|region|municipality|hamlet|parish|borough|neighbourhood|neighborhood|island|port|mayor|governor|residents|citizens|inhabitants|streets|centre|center|heart|north|south|east|west|northeast|northwest|southeast|southwest|state|states|coast|shores|banks|kingdom|republic|emirate|prefecture|commune|oblast|territory");
/// The forms of a state that its name follows after "of": "Republic of Ostravia",
/// "Kingdom of Lesotho" (not "Union" or "Federation", which head organisations' names as
/// often: "Union of Concerned Scientists").
pub(crate) const STATE_FORMS: crate::core::WordSet =
    crate::core::word_set!("Republic|Kingdom|Principality|Emirate|Sultanate|Duchy");
pub(crate) const PLACE_PREPOSITIONS: crate::core::WordSet =
    crate::core::word_set!("in|near|across|throughout|outside|around");
/// Prepositions of movement and position that take a place more often than a person: a
/// known place's name after one is the place even when a person has it for a surname
/// ("flew to Paris", "from Jordan"; `PLACE_PREPOSITIONS` are the others).
pub(crate) const MOTION_PREPOSITIONS: crate::core::WordSet =
    crate::core::word_set!("at|to|from|into|of|via|toward|towards|between|within|inside");
/// Lower-case words right before a lone capitalised word that make it a place's name:
/// a compass adjective ("eastern Zaire") or a kind of place ("the capital Grozny").
pub(crate) const PLACE_LEADS: crate::core::WordSet = crate::core::word_set!("northern|southern|eastern|western|northeastern|northwestern|southeastern|southwestern|central|capital|city|town|village|port|province|enclave|suburb|county|district");
/// Lower-case nouns right after a lone capitalised word that make it a place's name:
/// "Stansted airport", "the Kosevo stadium".
pub(crate) const PLACE_AFTER: crate::core::WordSet = crate::core::word_set!("airport|stadium|airbase|harbour|harbor|province|region|district|county|valley|river|mountains|island|islands|coast|border|frontier");
pub(crate) const LOC_LEADS: crate::core::WordSet =
    crate::core::word_set!("Gulf|Sea|Bay|Lake|Mount|Strait|Cape|Isle|Fort|Port|River");

/// Abbreviations whose dot the tokenizer keeps besides the titles' (`Lexicon::title_dotted`):
/// "St." (a saint or a street), "Jr.", "Sr.".
pub(crate) const ABBREV_DOT: crate::core::WordSet = crate::core::word_set!("St|Jr|Sr");
/// Nouns of a person's role, which an appositive after a name gives: "X, a former director
/// of …", "X, spokeswoman for …".
pub(crate) const PERSON_ROLES: crate::core::WordSet = crate::core::word_set!("director|spokesman|spokeswoman|spokesperson|adviser|advisor|aide|analyst|professor|lawyer|attorney|official|executive|chairman|chairwoman|president|founder|co-founder|leader|strategist|consultant|economist|researcher|scientist|editor|reporter|author|writer|candidate|senator|lawmaker|congressman|congresswoman|mayor|governor|minister|secretary|manager|officer|chief|partner|owner|teacher|doctor|activist|organizer|organiser|veteran|historian|pollster|fellow|employee|farmer|judge|commissioner|coordinator|ambassador|diplomat|general|colonel|lieutenant|sergeant|captain|coach|player|actor|actress|singer|musician|artist|lecturer|student|resident|mother|father|widow|son|daughter|nominee|hopeful|operative|donor|fundraiser|treasurer|deputy|vice|assistant|associate|counsel|prosecutor|sheriff|detective|commander|pastor|priest|rabbi|imam|bishop|physician|surgeon|nurse|engineer|architect|entrepreneur|investor|banker|broker|trader|journalist|columnist|correspondent|anchor|host|producer|director-general|head|witness|protester|protestor|demonstrator|voter|parent|neighbour|neighbor|worker|survivor|victim|passenger|customer|villager|firefighter|rescuer|medic|patient|volunteer|supporter|critic|opponent|observer|expert|campaigner|shopper|driver|pilot|soldier|relative|friend|fan|tenant|landlord|homeowner|commuter|motorist|spectator|onlooker");
