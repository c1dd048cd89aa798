"""The tables behind ``seed_demo``: a cyclone response in Mozambique and floods in Malawi.

Dates are day offsets from today (negative: past) so the demo stays fresh. Names of armed
forces and their units are invented; UN agencies, the Red Cross movement, NGOs and donors are
real organisations playing plausible, neutral roles. People are fictitious; e-mail addresses
use example.* domains and phone numbers are placeholders.
"""

from actors.models import ActorType as T
from actors.models import AssociationRisk as Risk
from actors.models import Authority, Echelon, LinkKind
from actors.models import Category as Cat
from actors.models import InterlocutorStatus as IS
from actors.models import Relationship as Rel
from assets.models import AssetStatus, Capability, Criticality, Readiness, SupportType
from cmcoord.models import Sensitivity as S
from contacts.models import Position as P

MOZ_NAME = "Cyclone Response Mozambique 2026"
MWI_NAME = "Floods Response Malawi 2026"

# username, first name, last name, organisation
USERS = [
    ("officer", "Sofia", "Lindqvist", "OCHA Civil-Military Coordination Section"),
    ("hct", "Daniel", "Okafor", "World Food Programme (HCT member)"),
    ("field", "Ana", "Macuácua", "UNICEF Beira field office"),
    ("field2", "Chikondi", "Banda", "IOM Blantyre sub-office"),
    ("outsider", "Pierre", "Lefèvre", "Independent consultant"),
    ("admin", "Grace", "Mwangi", "CMCoord system administration"),
]
SUPERUSERS = {"admin"}

APPROVED_PARTNER = "Humanitarian partner: its focal points are shared with all members of the operation."

MOZ_OPERATION = {
    "country": "MOZ",
    "time_zone": "Africa/Maputo",
    "start_offset": -45,
    "strategy": "coordination",
    "strategy_rationale": (
        "Natural disaster in a stable area with a host government requesting foreign military help: "
        "coordination under civilian lead, MCDA only as a last resort and time-limited (Oslo Guidelines). "
        "Distance is kept in Búzi, where armed incidents were reported."
    ),
    "approved_offset": -40,
}

MOZ_GUIDELINES = [
    (
        "Oslo Guidelines: use of foreign military and civil defence assets in disaster relief (Rev. 1.1)",
        "2007-11-01",
        "https://www.unocha.org/publications/report/world/oslo-guidelines-guidelines-use-foreign-military-and-civil-defence-assets-disaster-relief",
        "The global reference: MCDA only as a last resort, under civilian coordination, limited in time.",
        S.SHAREABLE,
    ),
    (
        "Country guidance on UN-CMCoord for the cyclone response in Mozambique",
        -38,
        "https://www.unocha.org/civil-military-coordination",
        "Endorsed by the HCT: tasking of military assets through the cell, no armed escorts for "
        "humanitarian convoys, visibility rules for joint sites.",
        S.INTERNAL,
    ),
]


# The tables below are laid out by hand, one record per block; the formatter would put each
# argument on its own line.
# fmt: off


def actor(name, acronym, category, actor_type, **extra):
    return {"name": name, "acronym": acronym, "category": category, "actor_type": actor_type, **extra}


def approved(days_ago=38, rationale=APPROVED_PARTNER):
    return (IS.APPROVED, days_ago, rationale)


RISK_JTF = (
    "Armed, uniformed foreign force: joint movements in Búzi, where armed incidents were reported, could "
    "compromise the perceived neutrality of humanitarian teams."
)
RISK_FAN = (
    "The national armed forces are a party to the conflict in the north; communities displaced from there "
    "may perceive humanitarians seen with them as taking sides."
)
RISK_SRIU = (
    "Reports of force used to disperse crowds at distribution sites: being seen with the unit endangers "
    "staff and beneficiaries."
)
JTF = "Joint Task Force Kestrel"
INRD = "National Institute for Disaster Risk Management"

# Parents are listed before their children. presences: (P-code, sector code, activities).
MOZ_ACTORS = [
    actor(
        JTF, "JTF-K", Cat.FOREIGN_MILITARY, T.BILATERAL_FORCE,
        echelon=Echelon.OPERATIONAL, contributing_state="ZAF", relationship=Rel.COORDINATION,
        association_risk=Risk.MEDIUM, association_risk_reason=RISK_JTF,
        interlocutor=approved(38, "Deployed at the Government's request under civilian coordination; its J9 "
                              "liaises daily with the cell and accepts tasking through it."),
        operating_methods="72-hour military planning cycle; assets tasked by the Joint Operations Centre.",
        government_coordination="Liaison officer at the Sofala provincial EOC; reports to the INRD.",
        presences=[("MZ0701", "LOG", "Joint HQ at Beira airport"),
                   ("MZ0702", None, "Air and engineering tasks")],
    ),
    actor(
        "Kestrel Air Component", "JTF-K AC", Cat.FOREIGN_MILITARY, T.BILATERAL_FORCE,
        parent=JTF, echelon=Echelon.FORMATION, contributing_state="ZAF",
        relationship=Rel.COORDINATION, association_risk=Risk.LOW,
        interlocutor=approved(38, "Component of the approved JTF; air tasking is coordinated by the cell."),
        presences=[("MZ0701", "LOG", "Air operations cell, Beira airport")],
    ),
    actor(
        "Helicopter Squadron Falcon", "HS Falcon", Cat.FOREIGN_MILITARY, T.BILATERAL_FORCE,
        parent="Kestrel Air Component", echelon=Echelon.UNIT, contributing_state="ZAF",
        relationship=Rel.COORDINATION, association_risk=Risk.LOW,
        presences=[("MZ0702", "FSC", "Airlift of food to cut-off localities"), ("MZ0709", "HEA", "Medevac")],
    ),
    actor(
        "Kestrel Engineer Brigade", "JTF-K Eng Bde", Cat.FOREIGN_MILITARY, T.BILATERAL_FORCE,
        parent=JTF, echelon=Echelon.FORMATION, contributing_state="ZAF",
        relationship=Rel.COORDINATION, association_risk=Risk.LOW,
    ),
    actor(
        "Engineer Company Bravo", "Eng Coy B", Cat.FOREIGN_MILITARY, T.BILATERAL_FORCE,
        parent="Kestrel Engineer Brigade", echelon=Echelon.UNIT, contributing_state="ZAF",
        relationship=Rel.COORDINATION, association_risk=Risk.LOW,
        presences=[("MZ0702", "LOG", "Bridge and road repair on the Búzi road")],
    ),
    actor(
        "Maritime Task Group Coral", "MTG Coral", Cat.FOREIGN_MILITARY, T.BILATERAL_FORCE,
        echelon=Echelon.OPERATIONAL, contributing_state="IND", relationship=Rel.CO_EXISTENCE,
        association_risk=Risk.LOW, sensitivity=S.RESTRICTED,
        notes="Ship movements are shared by the task group in confidence.",
        presences=[("MZ0402", "SHL", "Sealift of shelter kits to Chinde")],
    ),
    actor(
        "Regional Standby Force Medical Detachment", "RSF MedDet", Cat.FOREIGN_MILITARY,
        T.NON_UN_PEACEKEEPING, echelon=Echelon.UNIT, contributing_state="BWA",
        relationship=Rel.COORDINATION, association_risk=Risk.LOW,
        interlocutor=approved(36, "Medical detachment working under the Ministry of Health's referrals."),
        presences=[("MZ0701", "HEA", "Role 2 field hospital")],
    ),
    actor(
        "National Armed Forces", "FAN", Cat.DOMESTIC_MILITARY, T.ARMED_FORCES,
        echelon=Echelon.STRATEGIC, relationship=Rel.COORDINATION, association_risk=Risk.MEDIUM,
        association_risk_reason=RISK_FAN,
        interlocutor=approved(40, "Host-nation forces lead search and rescue; contact through the J9 and the "
                              "INRD civil-military desk only."),
        government_coordination="Under the INRD's coordination for disaster response.",
    ),
    actor(
        "FAN Central Region Command", "FAN CRC", Cat.DOMESTIC_MILITARY, T.ARMED_FORCES,
        parent="National Armed Forces", echelon=Echelon.FORMATION, relationship=Rel.CO_EXISTENCE,
        association_risk=Risk.MEDIUM, association_risk_reason=RISK_FAN,
    ),
    actor(
        "FAN 5th Engineer Battalion", "5 Eng Bn", Cat.DOMESTIC_MILITARY, T.ARMED_FORCES,
        parent="FAN Central Region Command", echelon=Echelon.UNIT, relationship=Rel.COORDINATION,
        association_risk=Risk.LOW,
        presences=[("MZ0702", "WSH", "Water purification unit at Guara-Guara")],
    ),
    actor(
        "National Police", "PN", Cat.DOMESTIC_MILITARY, T.POLICE, relationship=Rel.COORDINATION,
        association_risk=Risk.LOW,
        interlocutor=approved(37, "Civilian police in charge of public order at accommodation centres; "
                              "no escort role."),
        presences=[("MZ0701", "PRO", "Public order at accommodation centres")],
    ),
    actor(
        "Special Rapid Intervention Unit", "SRIU", Cat.DOMESTIC_MILITARY, T.POLICE,
        relationship=Rel.NONE, association_risk=Risk.HIGH, association_risk_reason=RISK_SRIU,
        sensitivity=S.RESTRICTED,
        interlocutor=(IS.REJECTED, 20, "Force used against crowds at a distribution site in Búzi; no contact "
                      "beyond notification of movements, through the National Police."),
    ),
    actor(
        INRD, "INRD", Cat.DOMESTIC_CIVILIAN, T.CIVIL_DEFENCE,
        relationship=Rel.COOPERATION, sensitivity=S.SHAREABLE, interlocutor=approved(44),
        government_coordination="Leads the national response; chairs the National Emergency Operations "
                                "Centre.",
        presences=[("MZ07", "CCM", "Accommodation centres"), ("MZ0702", "CCM", "Rescue boats, relocation")],
    ),
    actor(
        "INRD Provincial Emergency Operations Centre Sofala", "COE Sofala", Cat.DOMESTIC_CIVILIAN,
        T.CIVIL_DEFENCE, parent=INRD, relationship=Rel.COOPERATION, sensitivity=S.SHAREABLE,
        interlocutor=approved(44),
        presences=[("MZ0701", "CCS", "Provincial emergency operations centre")],
    ),
    actor(
        "Sofala Provincial Government", "", Cat.DOMESTIC_CIVILIAN, T.LOCAL_AUTHORITY,
        relationship=Rel.COOPERATION, sensitivity=S.SHAREABLE, interlocutor=approved(44),
    ),
    actor("Beira Municipal Council", "CMB", Cat.DOMESTIC_CIVILIAN, T.LOCAL_AUTHORITY,
          relationship=Rel.COOPERATION, interlocutor=approved(42)),
    actor("Ministry of Health", "MISAU", Cat.DOMESTIC_CIVILIAN, T.GOVERNMENT,
          relationship=Rel.COOPERATION, interlocutor=approved(42),
          presences=[("MZ07", "HEA", "Cholera response")]),
    actor("Búzi Traditional Leaders' Council", "", Cat.DOMESTIC_CIVILIAN, T.LOCAL_LEADER,
          relationship=Rel.COOPERATION, interlocutor=approved(30)),
    actor("Associação Esperança Sofala", "AES", Cat.DOMESTIC_CIVILIAN, T.NATIONAL_NGO,
          relationship=Rel.COOPERATION, interlocutor=approved(30),
          presences=[("MZ0702", "WSH", "Water trucking to resettlement sites")]),
    actor(
        "Office for the Coordination of Humanitarian Affairs", "OCHA", Cat.INTERNATIONAL_CIVILIAN,
        T.UN_AGENCY, relationship=Rel.COOPERATION, sensitivity=S.SHAREABLE, iati_org_id="XM-DAC-41127",
        hdx_org_type="UN Agency", interlocutor=approved(44),
        presences=[("MZ0701", "CCS", "Humanitarian hub and UN-CMCoord cell")],
    ),
    actor(
        "World Food Programme", "WFP", Cat.INTERNATIONAL_CIVILIAN, T.UN_AGENCY,
        relationship=Rel.COOPERATION, sensitivity=S.SHAREABLE, iati_org_id="XM-DAC-41140",
        hdx_org_type="UN Agency", interlocutor=approved(44),
        presences=[("MZ0702", "FSC", "General food distribution"),
                   ("MZ0701", "LOG", "Logistics Cluster lead")],
    ),
    actor(
        "United Nations Children's Fund", "UNICEF", Cat.INTERNATIONAL_CIVILIAN, T.UN_AGENCY,
        relationship=Rel.COOPERATION, sensitivity=S.SHAREABLE, iati_org_id="XM-DAC-41122",
        hdx_org_type="UN Agency", interlocutor=approved(44),
        presences=[("MZ0702", "WSH", "WASH cluster lead"), ("MZ0704", "NUT", "Nutrition screening")],
    ),
    actor(
        "Office of the United Nations High Commissioner for Refugees", "UNHCR", Cat.INTERNATIONAL_CIVILIAN,
        T.UN_AGENCY, relationship=Rel.CO_EXISTENCE, sensitivity=S.SHAREABLE, iati_org_id="XM-DAC-41121",
        hdx_org_type="UN Agency", interlocutor=approved(44),
        presences=[("MZ0701", "PRO", "Protection cluster lead")],
    ),
    actor(
        "International Organization for Migration", "IOM", Cat.INTERNATIONAL_CIVILIAN, T.UN_AGENCY,
        relationship=Rel.COOPERATION, sensitivity=S.SHAREABLE, iati_org_id="XM-DAC-47066",
        hdx_org_type="UN Agency", interlocutor=approved(44),
        presences=[("MZ0702", "CCM", "Site management"), ("MZ0402", "SHL", "Shelter kits")],
    ),
    actor(
        "International Committee of the Red Cross", "ICRC", Cat.INTERNATIONAL_CIVILIAN, T.RED_CROSS,
        relationship=Rel.CO_EXISTENCE, interlocutor=approved(40),
        operating_methods="Confidential bilateral dialogue with weapon bearers; no use of military assets.",
    ),
    actor(
        "International Federation of Red Cross and Red Crescent Societies", "IFRC",
        Cat.INTERNATIONAL_CIVILIAN, T.RED_CROSS, relationship=Rel.COORDINATION, interlocutor=approved(40),
        presences=[("MZ0705", "SHL", "Emergency shelter with the National Society")],
    ),
    actor("Save the Children International", "SCI", Cat.INTERNATIONAL_CIVILIAN, T.INGO,
          relationship=Rel.COORDINATION, interlocutor=approved(40),
          presences=[("MZ0702", "PRO-CPN", "Child-friendly spaces")]),
    actor("CARE International", "CARE", Cat.INTERNATIONAL_CIVILIAN, T.INGO,
          relationship=Rel.COORDINATION, interlocutor=approved(40),
          presences=[("MZ0709", "PRO-GBV", "Women's safe spaces")]),
    actor(
        "Médecins Sans Frontières", "MSF", Cat.INTERNATIONAL_CIVILIAN, T.INGO, relationship=Rel.CO_EXISTENCE,
        interlocutor=approved(40),
        operating_methods="Strict independence: no military transport, no joint visibility.",
        presences=[("MZ0701", "HEA", "Cholera treatment centre")],
    ),
    actor("European Civil Protection and Humanitarian Aid Operations", "ECHO", Cat.INTERNATIONAL_CIVILIAN,
          T.DONOR, relationship=Rel.COORDINATION, interlocutor=approved(40)),
    actor("Foreign, Commonwealth & Development Office", "FCDO", Cat.INTERNATIONAL_CIVILIAN, T.DONOR,
          relationship=Rel.COORDINATION, interlocutor=approved(40)),
]

# actor, title, authority, reference, scope, in force from, until (offsets), source link
MOZ_MANDATES = [
    (JTF, "Disaster relief support at the request of the host government",
     Authority.HOST_NATION_REQUEST, "Note verbale of the Ministry of Foreign Affairs",
     "Airlift, engineering and medical support to the cyclone response in Sofala and Manica, under the "
     "coordination of the INRD.", -44, 45, ""),
    (JTF, "Status of forces agreement for the relief deployment",
     Authority.BILATERAL_AGREEMENT, "SOFA 2026/03", "Legal status, entry and movement of the task force.",
     -44, None, ""),
    ("Maritime Task Group Coral", "Humanitarian sealift under the bilateral defence cooperation agreement",
     Authority.BILATERAL_AGREEMENT, "", "Sealift of relief cargo between Beira and coastal districts.",
     -25, 90, ""),
    ("Regional Standby Force Medical Detachment", "Regional disaster response deployment",
     Authority.REGIONAL_ORGANISATION, "Extraordinary summit decision on the cyclone response",
     "A Role 2 field hospital in Beira for 60 days, handed over to the Ministry of Health.", -37, 14, ""),
    ("National Armed Forces", "Support to civil protection in disasters", Authority.NATIONAL_LAW,
     "National Disaster Management Law", "Search and rescue, evacuation and engineering under the INRD.",
     -45, None, ""),
    ("National Police", "Public order and protection of displaced people", Authority.NATIONAL_LAW,
     "Police Act", "Public order at accommodation centres and distribution sites.", -45, None, ""),
    ("Office for the Coordination of Humanitarian Affairs", "Coordination of humanitarian assistance",
     Authority.OTHER, "A/RES/46/182", "Coordination of the international humanitarian response, including "
     "UN-CMCoord.", -45, None, "https://www.unocha.org/"),
    ("World Food Programme", "Food assistance and logistics cluster lead", Authority.OTHER,
     "IASC cluster designation", "Food security response and common logistics services.", -45, None, ""),
    ("United Nations Children's Fund", "WASH and nutrition cluster lead", Authority.OTHER,
     "IASC cluster designation", "WASH, nutrition, child protection and education response.", -45, None, ""),
    ("Office of the United Nations High Commissioner for Refugees", "Protection cluster lead",
     Authority.OTHER, "IASC cluster designation", "Protection of displaced people.", -45, None, ""),
    ("International Organization for Migration", "CCCM and shelter in the cyclone response",
     Authority.OTHER, "IASC cluster designation", "Site management and shelter.", -45, None, ""),
]

# source, target, kind, mechanism, since (offset), sensitivity
MOZ_LINKS = [
    (INRD, "National Armed Forces", LinkKind.COORDINATION_MECHANISM,
     "Civil-military desk at the National Emergency Operations Centre", -44, S.INTERNAL),
    ("INRD Provincial Emergency Operations Centre Sofala", JTF, LinkKind.COORDINATION_MECHANISM,
     "JTF liaison officer seated at the provincial EOC, 07:30 daily brief", -42, S.SHAREABLE),
    ("Office for the Coordination of Humanitarian Affairs", JTF, LinkKind.LIAISON,
     "UN-CMCoord cell Beira: the J9 attends Mon/Wed/Fri", -40, S.INTERNAL),
    ("World Food Programme", "Helicopter Squadron Falcon", LinkKind.SUPPORT,
     "Logistics Cluster air tasking requests go through the cell", -36, S.INTERNAL),
    ("National Armed Forces", JTF, LinkKind.SUPPORT,
     "Joint Operations Centre, Beira: the host nation keeps primacy, the JTF supports", -43, S.INTERNAL),
    ("International Committee of the Red Cross", "National Armed Forces", LinkKind.OTHER,
     "Confidential bilateral dialogue on the conduct of operations", -40, S.RESTRICTED),
    ("Regional Standby Force Medical Detachment", "Ministry of Health", LinkKind.SUPPORT,
     "Field hospital under the Ministry's referral protocol", -36, S.INTERNAL),
]


def contact(actor_name, full_name, rank, position, detail, phone, domain, languages, verified_ago, **extra):
    """A contact; its e-mail is made from the name and ``domain``; ``verified_ago`` in days."""
    return {
        "actor": actor_name, "full_name": full_name, "rank_or_title": rank, "position": position,
        "position_detail": detail, "phone": phone, "domain": domain, "languages": languages,
        "verified_ago": verified_ago, **extra,
    }


EN_PT = "English, Portuguese"
PT = "Portuguese"
JTF_MAIL = "jtf-kestrel.example.mil"
MOZ_CONTACTS = [
    contact(JTF, "Thabo Nkosi", "Col.", P.COMMANDER, "Commander, JTF Kestrel", "+27 82 555 0101",
            JTF_MAIL, "English, isiZulu", 5, radio_call_sign="KESTREL ACTUAL"),
    contact(JTF, "Karen Botha", "Lt Col.", P.J9_G9, "J9, JTF Kestrel HQ", "+27 82 555 0102",
            JTF_MAIL, "English, Afrikaans", 2, radio_call_sign="KESTREL NINE",
            satellite_phone="+8816 3123 4501"),
    contact(JTF, "Sipho Dlamini", "Maj.", P.LIAISON_OFFICER, "JTF liaison officer at COE Sofala",
            "+258 84 555 0103", JTF_MAIL, "English, Portuguese, isiXhosa", 3),
    contact("Kestrel Air Component", "Riaan Steyn", "Lt Col.", P.COMMANDER, "Air Component commander",
            "+27 82 555 0111", JTF_MAIL, "English", 9, radio_call_sign="KESTREL AIR"),
    contact("Kestrel Air Component", "Lerato Mokoena", "Capt.", P.CIMIC_OFFICER, "CIMIC, Air Component",
            "+27 82 555 0112", JTF_MAIL, "English, Sesotho", 4),
    contact("Helicopter Squadron Falcon", "Johan Pretorius", "Maj.", P.COMMANDER, "Officer commanding",
            "+27 82 555 0121", JTF_MAIL, "English, Afrikaans", 12),
    contact("Helicopter Squadron Falcon", "Naledi Khumalo", "Capt.", P.FOCAL_POINT,
            "Squadron operations officer", "+258 84 555 0122", JTF_MAIL, "English", 2,
            radio_call_sign="FALCON OPS",
            decision=(IS.APPROVED, 30, "Seat requests and tasking questions from field teams go to her.")),
    contact("Kestrel Engineer Brigade", "Andile Zulu", "Col.", P.COMMANDER, "Brigade commander",
            "+27 82 555 0131", JTF_MAIL, "English, isiZulu", 15),
    contact("Engineer Company Bravo", "Chris Jacobs", "Maj.", P.COMMANDER, "Officer commanding",
            "+27 82 555 0141", JTF_MAIL, "English", 6, radio_call_sign="BRAVO SIX"),
    contact("Engineer Company Bravo", "Palesa Mahlangu", "Lt.", P.LIAISON_OFFICER,
            "Site liaison, Búzi bridge", "+258 86 555 0142", JTF_MAIL, EN_PT, 3),
    contact("Maritime Task Group Coral", "Arjun Mehta", "Cdr.", P.LIAISON_OFFICER,
            "Liaison officer, Beira port", "+91 98 555 0151", "mtg-coral.example.mil", "English, Hindi", 8,
            sensitivity=S.RESTRICTED, satellite_phone="+8816 3123 4502"),
    contact("Maritime Task Group Coral", "Priya Nair", "Lt Cdr.", P.CIMIC_OFFICER, "CIMIC, flagship",
            "+91 98 555 0152", "mtg-coral.example.mil", "English, Malayalam", 8),
    contact("Regional Standby Force Medical Detachment", "Kagiso Molefe", "Lt Col. Dr.", P.COMMANDER,
            "Hospital commander", "+267 71 555 0161", "rsf-med.example.mil", "English, Setswana", 4),
    contact("Regional Standby Force Medical Detachment", "Boitumelo Seretse", "Capt.", P.FOCAL_POINT,
            "Patient referrals", "+258 84 555 0162", "rsf-med.example.mil", "English", 1),
    contact("National Armed Forces", "Alberto Cossa", "Brig. Gen.", P.COMMANDER,
            "Deputy chief of operations", "+258 82 555 0171", "fan.example.mil", PT, 20,
            sensitivity=S.RESTRICTED),
    contact("National Armed Forces", "Filipe Nhantumbo", "Col.", P.J9_G9,
            "Civil-military desk, national EOC", "+258 82 555 0172", "fan.example.mil", EN_PT, 3,
            radio_call_sign="TRIDENTE NOVE"),
    contact("FAN Central Region Command", "Ernesto Mabunda", "Lt Col.", P.LIAISON_OFFICER,
            "Liaison, Central Region Command", "+258 82 555 0181", "fan.example.mil", PT, 10,
            decision=(IS.REJECTED, 18, "Also serves as intelligence liaison: the HCT asked that contact go "
                      "through the J9 only.")),
    contact("FAN 5th Engineer Battalion", "Lourenço Sitoe", "Maj.", P.COMMANDER, "Battalion commander",
            "+258 82 555 0191", "fan.example.mil", PT, 11),
    contact("FAN 5th Engineer Battalion", "Celeste Muianga", "Capt.", P.CIMIC_OFFICER,
            "Water purification site, Guara-Guara", "+258 86 555 0192", "fan.example.mil", EN_PT, 2,
            decision=(IS.APPROVED, 25, "Runs the water point field teams rely on; day-to-day contact.")),
    contact("National Police", "Rosa Langa", "Supt.", P.FOCAL_POINT, "Sofala provincial command",
            "+258 84 555 0201", "pn.example.gov.mz", PT, 6),
    contact("National Police", "Tomás Bila", "Insp.", P.LIAISON_OFFICER, "Accommodation centres, Beira",
            "+258 84 555 0202", "pn.example.gov.mz", EN_PT, 6, radio_call_sign="ALFA 12"),
    contact("Special Rapid Intervention Unit", "Abílio Matsinhe", "Cmdr.", P.COMMANDER, "Sofala detachment",
            "+258 84 555 0211", "pn.example.gov.mz", PT, 21, sensitivity=S.RESTRICTED),
    contact(INRD, "Helena Mucavele", "Dr.", P.FOCAL_POINT, "Director of operations",
            "+258 82 555 0221", "inrd.example.gov.mz", EN_PT, 7),
    contact(INRD, "Paulo Tembe", "Eng.", P.FOCAL_POINT, "Civil-military desk",
            "+258 82 555 0222", "inrd.example.gov.mz", EN_PT, 4),
    contact("INRD Provincial Emergency Operations Centre Sofala", "Marta Sigaúque", "", P.FOCAL_POINT,
            "EOC coordinator", "+258 84 555 0231", "inrd.example.gov.mz", EN_PT, 1),
    contact("INRD Provincial Emergency Operations Centre Sofala", "Jaime Nhaca", "", P.OTHER,
            "Duty officer", "+258 84 555 0232", "inrd.example.gov.mz", PT, 1, radio_call_sign="COE SOFALA"),
    contact("Sofala Provincial Government", "Carlos Zandamela", "Dr.", P.FOCAL_POINT,
            "Provincial secretary", "+258 82 555 0241", "sofala.example.gov.mz", PT, 14),
    contact("Beira Municipal Council", "Inês Macamo", "", P.FOCAL_POINT, "Municipal emergency focal point",
            "+258 82 555 0251", "cmb.example.gov.mz", EN_PT, 9),
    contact("Ministry of Health", "Fátima Massingue", "Dr.", P.FOCAL_POINT, "Provincial health director",
            "+258 82 555 0261", "misau.example.gov.mz", EN_PT, 5),
    contact("Búzi Traditional Leaders' Council", "Samuel Chigubo", "Régulo", P.FOCAL_POINT,
            "Spokesperson of the council", "+258 86 555 0271", "", "Portuguese, Ndau", 16),
    contact("Associação Esperança Sofala", "Lúcia Novela", "", P.FOCAL_POINT, "Programme manager",
            "+258 84 555 0281", "esperanca-sofala.example.org", EN_PT, 8),
    contact("Office for the Coordination of Humanitarian Affairs", "Marco Rinaldi", "", P.FOCAL_POINT,
            "Head of sub-office, Beira", "+258 84 555 0291", "ocha.example.org",
            "English, Italian, Portuguese", 2),
    contact("World Food Programme", "Aisha Bello", "", P.FOCAL_POINT, "Logistics Cluster coordinator",
            "+258 84 555 0301", "wfp.example.org", "English, French", 2, satellite_phone="+8816 3123 4503"),
    contact("World Food Programme", "Tomasz Nowak", "", P.FOCAL_POINT, "Aviation officer",
            "+258 84 555 0302", "wfp.example.org", "English, Polish", 3),
    contact("United Nations Children's Fund", "Ngozi Eze", "", P.FOCAL_POINT, "WASH cluster coordinator",
            "+258 84 555 0311", "unicef.example.org", "English", 4),
    contact("Office of the United Nations High Commissioner for Refugees", "Jean-Baptiste Mugisha", "",
            P.FOCAL_POINT, "Protection cluster coordinator", "+258 84 555 0321", "unhcr.example.org",
            "English, French, Kinyarwanda", 6),
    contact("International Organization for Migration", "Lucía Fernández", "", P.FOCAL_POINT,
            "CCCM cluster coordinator", "+258 84 555 0331", "iom.example.org",
            "English, Spanish, Portuguese", 3),
    contact("International Committee of the Red Cross", "Matthias Keller", "", P.FOCAL_POINT,
            "Head of sub-delegation", "+258 84 555 0341", "icrc.example.org", "English, German, French", 10),
    contact("International Federation of Red Cross and Red Crescent Societies", "Hanna Virtanen", "",
            P.FOCAL_POINT, "Operations manager", "+258 84 555 0351", "ifrc.example.org",
            "English, Finnish", 12),
    contact("Save the Children International", "Peter Otieno", "", P.FOCAL_POINT, "Area manager, Búzi",
            "+258 84 555 0361", "savethechildren.example.org", "English, Swahili", 7),
    contact("CARE International", "Emma Clarke", "", P.FOCAL_POINT, "Emergency team leader",
            "+258 84 555 0371", "care.example.org", "English", 13),
    contact("Médecins Sans Frontières", "Luc Dubois", "Dr.", P.FOCAL_POINT, "Emergency coordinator",
            "+258 84 555 0381", "msf.example.org", "French, English", 9),
    contact("European Civil Protection and Humanitarian Aid Operations", "Ingrid Sørensen", "",
            P.FOCAL_POINT, "Technical assistant", "+258 84 555 0391", "echo.example.org",
            "English, Danish", 25),
]

CELL = "UN-CMCoord cell Beira"
MOZ_FORUM = {
    "name": CELL, "kind": "cmcoord_cell", "rhythm": "Mon/Wed/Fri 08:30",
    "location": "OCHA humanitarian hub, Beira airport compound",
    "terms_of_reference": "Civilian-led forum exchanging information with the military, tasking MCDA "
                          "through requests for assistance, and planning their phase-out.",
}
# actor, its representative (a contact of that actor)
MOZ_FORUM_MEMBERS = [
    ("Office for the Coordination of Humanitarian Affairs", "Marco Rinaldi"),
    (JTF, "Karen Botha"),
    ("Helicopter Squadron Falcon", "Naledi Khumalo"),
    ("Engineer Company Bravo", "Palesa Mahlangu"),
    ("Regional Standby Force Medical Detachment", "Boitumelo Seretse"),
    ("National Armed Forces", "Filipe Nhantumbo"),
    ("National Police", "Rosa Langa"),
    ("INRD Provincial Emergency Operations Centre Sofala", "Marta Sigaúque"),
    ("World Food Programme", "Aisha Bello"),
    ("United Nations Children's Fund", "Ngozi Eze"),
    ("International Organization for Migration", "Lucía Fernández"),
    ("Save the Children International", "Peter Otieno"),
]

CELL_CONTACTS = ["Karen Botha", "Filipe Nhantumbo", "Marta Sigaúque", "Aisha Bello", "Ngozi Eze"]
CELL_USERS = ["officer", "hct", "field"]
MINUTES_HEADER = "RESTRICTED: officers and HCT only. Not for onward sharing.\n\n"
SITTING_1 = "Cell sitting: air tasking procedure"
SITTING_2 = "Cell sitting: Búzi access and water supply"
SITTING_3 = "Cell sitting: phase-out of the water purification unit"
NEXT_SITTING = "Cell sitting: EN6 checkpoint and helicopter phase-out"

# offset: days from today; decisions: (agenda position, text); absent: contacts who did not come.
MOZ_MEETINGS = [
    {
        "title": SITTING_1, "offset": -14, "forum": CELL, "status": "held",
        "agenda": ["Situation update and access map", "Air asset tasking through the cell",
                   "Phase-out planning for MCDA"],
        "decisions": [(2, "All requests for helicopter support go through the cell on the RFA form; no "
                          "direct requests to the JTF."),
                      (3, "Each agency relying on MCDA names its civilian alternative by the next sitting.")],
        "summary": "Access improving on the EN6; air tasking now only through the cell.",
        "minutes": "J9 stated the squadron can sustain 12 sorties a day until the phase-out date. FAN "
                   "asked to be copied on all tasking; agreed through the civil-military desk.",
        "contacts": [*CELL_CONTACTS, "Lucía Fernández"], "users": CELL_USERS, "absent": ["Lucía Fernández"],
    },
    {
        "title": SITTING_2, "offset": -7, "forum": CELL, "status": "held",
        "agenda": ["Búzi bridge repair progress", "Water supply at Guara-Guara", "Security incident in Búzi"],
        "decisions": [(1, "Convoys resume on the Búzi road once Engineer Company Bravo certifies the "
                          "bridge."),
                      (3, "No joint humanitarian-police presence at distribution points.")],
        "summary": "Bridge repair on schedule; water trucking to be planned before the purification unit "
                   "leaves.",
        "minutes": "Discussion of the SRIU incident at the distribution site; the HCT rejected the unit as "
                   "an interlocutor. PN to be the only police channel.",
        "contacts": [*CELL_CONTACTS, "Palesa Mahlangu", "Rosa Langa"], "users": CELL_USERS,
        "actors": ["Special Rapid Intervention Unit"],
    },
    {
        "title": SITTING_3, "offset": -2, "forum": CELL, "status": "held",
        "agenda": ["Water purification unit past its phase-out date", "Field hospital hand-over"],
        "decisions": [(1, "Ask FAN to keep the unit one more week while AES water trucking starts."),
                      (2, "Hand-over of the field hospital to MISAU planned for the phase-out date.")],
        "summary": "The purification unit stays a few more days; trucking starts next week.",
        "minutes": "FAN indicated the battalion is needed in the north; extension not guaranteed.",
        "contacts": [*CELL_CONTACTS, "Celeste Muianga", "Boitumelo Seretse"], "users": CELL_USERS,
        "absent": ["Ngozi Eze"],
    },
    {
        "title": NEXT_SITTING, "offset": 1, "forum": CELL,
        "agenda": ["Situation update", "Access: checkpoint on the EN6 at Lamego",
                   "Helicopter phase-out and the UNHAS alternative"],
        "contacts": [*CELL_CONTACTS, "Naledi Khumalo"], "users": CELL_USERS,
    },
    {
        "title": "Bilateral with the JTF Kestrel J9: hand-over plan", "offset": 3, "kind": "bilateral",
        "hour": (14, 0), "location": "JTF Kestrel HQ, Beira airport", "sensitivity": "restricted",
        "agenda": ["Hand-over of air tasks to UNHAS", "Engineer Company Bravo's exit plan"],
        "contacts": ["Karen Botha", "Sipho Dlamini"], "users": ["officer"],
    },
    {
        "title": "Cell sitting: weekly MCDA review", "offset": 7, "forum": CELL,
        "agenda": ["Assets phasing out in the next 30 days", "Dependencies without a ready alternative"],
        "contacts": CELL_CONTACTS, "users": CELL_USERS, "actors": ["Maritime Task Group Coral"],
    },
]

# title, meeting, owner, due (offset), status, progress note
MOZ_ACTION_POINTS = [
    ("Circulate the RFA form and tasking procedure to all clusters", SITTING_1, "officer", -12, "done",
     "Sent to the inter-cluster coordination group."),
    ("Collect each agency's civilian alternative to MCDA", SITTING_1, "officer", -7, "done",
     "Alternatives recorded on each dependency."),
    ("Brief the HCT on the SRIU incident", SITTING_2, "hct", -6, "done", "Briefed; decision recorded."),
    ("Arrange a joint assessment flight with FAN", SITTING_2, "officer", -4, "cancelled",
     "Not needed: the road reopened."),
    ("Report the road condition Búzi–Guara-Guara after the rains", SITTING_2, "field", -2, "open", ""),
    ("Confirm the UNHAS helicopter contract before HS Falcon phases out", SITTING_3, "hct", 1, "open", ""),
    ("Map water trucking capacity for Guara-Guara", SITTING_3, "field", 5, "in_progress",
     "Two trucks confirmed, two more being sought."),
    ("Share the updated Búzi security assessment with field teams", None, "officer", 3, "open", ""),
    ("Draft the field hospital hand-over plan with MISAU", SITTING_3, "officer", 10, "open", ""),
]

HELICOPTERS = "2 × medium-lift helicopters, Beira"
BRIDGING = "Bridging and road repair, Búzi road"
WATER_UNIT = "Water purification unit, Guara-Guara"
FIELD_HOSPITAL = "Role 2 field hospital, Beira"
SEALIFT = "Landing ship, Beira–Chinde sealift"
BOATS = "Rescue boats and 4×4 trucks, Búzi river"

# deployed, phase_out: offsets; focal_point: a username.
MOZ_ASSETS = [
    {
        "name": HELICOPTERS, "provider": "Helicopter Squadron Falcon", "capability": Capability.HELICOPTER,
        "quantity": 2, "base": "Beira airport", "areas": ["MZ0702", "MZ0704", "MZ0709"],
        "sectors": ["FSC", "HEA", "LOG"], "support_type": SupportType.INDIRECT,
        "deployed": -38, "phase_out": 7, "status": AssetStatus.DEPLOYED,
        "plan": "Air tasks hand over to UNHAS helicopters; no new tasks accepted 3 days before.",
        "focal_point": "officer", "sensitivity": S.SHAREABLE,
    },
    {
        "name": BRIDGING, "provider": "Engineer Company Bravo", "capability": Capability.ENGINEERING,
        "quantity": 1, "base": "Búzi town", "areas": ["MZ0702"], "sectors": ["LOG"],
        "support_type": SupportType.INFRASTRUCTURE, "deployed": -30, "phase_out": 30,
        "status": AssetStatus.DEPLOYED,
        "plan": "Temporary bridge certified and handed over to the National Roads Administration.",
        "focal_point": "officer",
    },
    {
        "name": WATER_UNIT, "provider": "FAN 5th Engineer Battalion", "capability": Capability.WATER,
        "quantity": 1, "base": "Guara-Guara resettlement site", "areas": ["MZ0702"], "sectors": ["WSH"],
        "support_type": SupportType.DIRECT, "deployed": -35, "phase_out": -5, "status": AssetStatus.DEPLOYED,
        "plan": "Water trucking by AES with UNICEF funding, then a borehole by the WASH cluster.",
        "focal_point": "field",
    },
    {
        "name": FIELD_HOSPITAL, "provider": "Regional Standby Force Medical Detachment",
        "capability": Capability.MEDICAL, "quantity": 1, "base": "Beira, next to the central hospital",
        "areas": ["MZ0701", "MZ0705"], "sectors": ["HEA"], "support_type": SupportType.DIRECT,
        "deployed": -36, "phase_out": 14, "status": AssetStatus.PHASING_OUT,
        "plan": "Patients and equipment handed over to the Ministry of Health; MSF takes surgical referrals.",
        "focal_point": "officer",
    },
    {
        "name": SEALIFT, "provider": "Maritime Task Group Coral", "capability": Capability.SEALIFT,
        "quantity": 1, "base": "Port of Beira", "areas": ["MZ0402", "MZ0701"], "sectors": ["SHL", "LOG"],
        "support_type": SupportType.INDIRECT, "deployed": -20, "phase_out": 90,
        "status": AssetStatus.DEPLOYED,
        "plan": "IOM's contracted coastal shipper takes over once the Chinde jetty is repaired.",
        "focal_point": "officer", "sensitivity": S.RESTRICTED,
    },
    {
        "name": BOATS, "provider": INRD, "capability": Capability.GROUND_TRANSPORT, "quantity": 8,
        "base": "Búzi", "areas": ["MZ0702"], "sectors": ["CCM"], "support_type": SupportType.DIRECT,
        "deployed": -44, "phase_out": 1, "status": AssetStatus.DEPLOYED,
        "plan": "Boats return to the INRD depot; relocation continues with IOM-hired trucks.",
        "focal_point": "field", "sensitivity": S.SHAREABLE,
    },
]

# asset, activity, area, sector, criticality, alternative provider, its description, readiness
MOZ_DEPENDENCIES = [
    (HELICOPTERS, "Food distribution to cut-off localities in Búzi", "MZ0702", "FSC", Criticality.CRITICAL,
     "UNHAS (WFP-contracted helicopters)", "Two civilian helicopters; start date to be confirmed.",
     Readiness.IDENTIFIED),
    (HELICOPTERS, "Medical evacuation from Nhamatanda health posts", "MZ0709", "HEA", Criticality.HIGH,
     "", "", Readiness.NONE),
    (HELICOPTERS, "Vaccine cold chain to Chibabava", "MZ0704", "HEA", Criticality.MEDIUM,
     "UNICEF-contracted light aircraft", "Weekly flight from Beira.", Readiness.ARRANGED),
    (BRIDGING, "Truck access to Búzi town for relief convoys", "MZ0702", "LOG", Criticality.HIGH,
     "National Roads Administration contractor", "Permanent repair tendered.", Readiness.ARRANGED),
    (WATER_UNIT, "Safe water for the Guara-Guara resettlement site", "MZ0702", "WSH", Criticality.CRITICAL,
     "Associação Esperança Sofala", "Water trucking funded by UNICEF.", Readiness.IDENTIFIED),
    (FIELD_HOSPITAL, "Surgical referrals from Beira Central Hospital", "MZ0701", "HEA", Criticality.HIGH,
     "MSF surgical unit", "Operating since last week.", Readiness.READY),
    (FIELD_HOSPITAL, "Cholera treatment capacity in Beira", "MZ0701", "HEA", Criticality.CRITICAL,
     "", "", Readiness.NONE),
    (SEALIFT, "Shelter kits to Chinde by sea", "MZ0402", "SHL", Criticality.MEDIUM,
     "Coastal shipper contracted by IOM", "Contract signed, vessel available.", Readiness.READY),
    (BOATS, "Relocation of families from flooded islands on the Búzi", "MZ0702", "CCM", Criticality.HIGH,
     "", "", Readiness.NONE),
]

# area, level, association risks, assessed (offset), sensitivity
MOZ_SECURITY = [
    ("MZ0701", 2, "Low: joint sites at the airport are accepted by the population.", -3, S.INTERNAL),
    ("MZ0702", 3, "Moderate: armed incident at a distribution site; avoid joint presence with police "
                  "units.", -4, S.INTERNAL),
    ("MZ0709", 3, "Moderate: informal checkpoints on the EN6 near Lamego.", -6, S.INTERNAL),
    ("MZ0704", 4, "Substantial: armed groups reported moving south; no travel with military escorts.", -2,
     S.RESTRICTED),
    ("MZ0402", 2, "Low: coastal district, no armed presence reported.", -10, S.SHAREABLE),
]

# --- Malawi: a small second operation ------------------------------------------------------------
MWI_OPERATION = {
    "country": "MWI", "time_zone": "Africa/Blantyre", "start_offset": -20, "strategy": "co_existence",
    "strategy_rationale": "Draft: domestic forces only; humanitarian distance by default.",
}
MWI_ACTORS = [
    actor("National Defence Force", "NDF", Cat.DOMESTIC_MILITARY, T.ARMED_FORCES, echelon=Echelon.STRATEGIC,
          relationship=Rel.CO_EXISTENCE, association_risk=Risk.LOW),
    actor("NDF Air Wing", "NDF AW", Cat.DOMESTIC_MILITARY, T.ARMED_FORCES, parent="National Defence Force",
          echelon=Echelon.UNIT, relationship=Rel.COORDINATION, association_risk=Risk.LOW,
          presences=[("MW311", "FSC", "Airlift of food to Makhanga")]),
    actor("Department of Disaster Management", "DDM", Cat.DOMESTIC_CIVILIAN, T.CIVIL_DEFENCE,
          relationship=Rel.COOPERATION, sensitivity=S.SHAREABLE,
          presences=[("MW310", "CCM", "Evacuation centres"), ("MW311", "CCM", "Evacuation centres")]),
    actor("World Food Programme", "WFP", Cat.INTERNATIONAL_CIVILIAN, T.UN_AGENCY,
          relationship=Rel.COOPERATION, sensitivity=S.SHAREABLE,
          presences=[("MW311", "FSC", "Food distribution")]),
    actor("International Organization for Migration", "IOM", Cat.INTERNATIONAL_CIVILIAN, T.UN_AGENCY,
          relationship=Rel.COOPERATION, sensitivity=S.SHAREABLE,
          presences=[("MW310", "CCM", "Displacement tracking")]),
]
MWI_CONTACTS = [
    contact("NDF Air Wing", "Kondwani Phiri", "Maj.", P.CIMIC_OFFICER, "Air Wing operations",
            "+265 99 555 0401", "ndf.example.mil", "English, Chichewa", 3, radio_call_sign="EAGLE OPS"),
    contact("Department of Disaster Management", "Grace Mbewe", "", P.FOCAL_POINT,
            "District coordinator, Nsanje", "+265 88 555 0402", "ddm.example.gov.mw", "English, Chichewa", 2),
    contact("World Food Programme", "Tiyamike Chirwa", "", P.FOCAL_POINT, "Logistics officer",
            "+265 99 555 0403", "wfp.example.org", "English, Chichewa", 4),
    contact("International Organization for Migration", "Yusuf Kamara", "", P.FOCAL_POINT, "DTM coordinator",
            "+265 99 555 0404", "iom.example.org", "English, French", 5),
]
MWI_WORKING_GROUP = "Civil-military working group Blantyre"
MWI_FORUM = {
    "name": MWI_WORKING_GROUP, "kind": "working_group", "rhythm": "Tue/Thu 10:00",
    "location": "DDM regional office, Blantyre", "terms_of_reference": "",
}
MWI_FORUM_MEMBERS = [
    ("Department of Disaster Management", "Grace Mbewe"),
    ("NDF Air Wing", "Kondwani Phiri"),
    ("World Food Programme", "Tiyamike Chirwa"),
]
MWI_MEETINGS = [
    {
        "title": "Working group: helicopter tasking in the Lower Shire", "offset": 2,
        "forum": MWI_WORKING_GROUP, "hour": (10, 0),
        "agenda": ["Flood levels and access", "Tasking of the NDF helicopter"],
        "contacts": ["Kondwani Phiri", "Grace Mbewe", "Tiyamike Chirwa"], "users": ["field2"],
    },
]
MWI_HELICOPTER = "1 × medium helicopter, Chikwawa–Nsanje"
MWI_ASSETS = [
    {
        "name": MWI_HELICOPTER, "provider": "NDF Air Wing", "capability": Capability.HELICOPTER,
        "quantity": 1, "base": "Chileka airport, Blantyre", "areas": ["MW310", "MW311"],
        "sectors": ["FSC", "LOG"], "support_type": SupportType.INDIRECT, "deployed": -15, "phase_out": 10,
        "status": AssetStatus.DEPLOYED,
        "plan": "Road access to Makhanga expected to reopen; trucks take over.",
        "focal_point": "field2",
    },
]
MWI_DEPENDENCIES = [
    (MWI_HELICOPTER, "Food distribution to Makhanga (Nsanje)", "MW311", "FSC", Criticality.CRITICAL,
     "", "", Readiness.NONE),
]


# --- Humanitarian notifications (HNS): sites and a convoy around Beira and Búzi ---------------------

MOZ_HNS_SITES = [
    ("World Food Programme", {
        "name": "WFP warehouse, Beira port", "type": "warehouse", "lat": "-19.82880", "lon": "34.83810",
        "pcode": "MZ0701", "from": -30, "until": 90, "focal_point": "WFP Beira duty officer",
        "phone": "+258 84 555 0101",
    }),
    ("World Food Programme", {
        "name": "Distribution site, Búzi town", "type": "distribution_site", "lat": "-19.87520",
        "lon": "34.61720", "pcode": "MZ0702", "from": -10, "until": 5,
        "focal_point": "WFP Búzi field monitor",
        "phone": "+258 84 555 0102",
    }),
    ("Médecins Sans Frontières", {
        "name": "MSF cholera treatment centre, Dondo", "type": "health_facility", "lat": "-19.60940",
        "lon": "34.74310", "pcode": "MZ0705", "from": -20, "until": None,
        "focal_point": "MSF Dondo 24/7 line",
        "phone": "+258 84 555 0201",
    }),
]  # fmt: skip

MOZ_HNS_CONVOY = {
    "title": "WFP food convoy Beira to Búzi",
    "origin": "WFP warehouse, Beira port", "origin_at": ("-19.82880", "34.83810"),
    "destination": "Distribution site, Búzi town", "destination_at": ("-19.87520", "34.61720"),
    "waypoints": [[34.7717, -19.8461], [34.6894, -19.9010]],
    "vehicles": "6 white trucks with the WFP logo on doors and roof; 1 white Land Cruiser (lead), flags",
    "people": 9, "focal_point": "Convoy leader, WFP Logistics", "phone": "+258 84 555 0110",
}  # fmt: skip
