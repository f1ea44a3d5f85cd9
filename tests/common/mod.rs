//! The corpus bundles every per-bundle test runs on, as `test name =>
//! directory` (the name is also each snapshot's file name), with how each
//! blind batch was measured. tests/corpus.rs checks each bundle against its
//! expected.toml; tests/snapshots.rs keeps each bundle's table.

/// Calls the macro `$m` with every bundle.
macro_rules! every_bundle {
    ($m:ident) => {
        $m! {
            seed_putin_trump_call => "putin-trump-call-2025-03-18",
            hokkaido_quake => "hokkaido-quake-2025-10-27",
            estoria_rate_decision_quotes => "estoria-rate-decision-2025-06-12",
            marlow_flood_quote_lookalikes => "marlow-flood-recovery-2025-09-03",
            iwate_quake => "iwate-quake-2025-11-10",
            shannon_diversion => "shannon-diversion-2025-11-02",
            portugal_runoff => "portugal-runoff-2026-02-08",
            rheinwerk_calloway => "rheinwerk-calloway-2025-03-11",
            iberian_cup_final => "iberian-cup-final-2025-05-24",
            aurelia_launch_all_agree => "aurelia-launch-2025-12-09",
            carney_sheinbaum_two_calls => "carney-sheinbaum-calls-2025-06",
            hurricane_tamsin => "hurricane-tamsin-2025-08-27",
            redteam_kanangra_fire => "kanangra-fire-2025-10-06",
            redteam_meridian_docking => "meridian-docking-2026-01-12",
            redteam_home_office_reshuffle => "home-office-reshuffle-2026-03-03",
            redteam_straits_harbour_merger => "straits-harbour-kallang-merger-2026-05-14",
            // Written blind (by a helper who had not read the code), kept with
            // their known gaps.
            blind_ferry_capsizing => "ferry-capsizing-2026-02-14",
            blind_hostage_release => "hostage-release-2026-04-22",
            blind_legionnaires_outbreak => "legionnaires-outbreak-2026-06-03",
            blind_rail_strike => "rail-strike-2026-03-09",
            blind_rocket_launch_failure => "rocket-launch-failure-2026-12-05",
            blind_tessaly_q3_results => "tessaly-q3-results-2026-10-29",
            blind_tokyo_stock_plunge => "tokyo-stock-plunge-2026-05-18",
            blind_viaduct_collapse => "viaduct-collapse-2026-07-11",
            // Written blind on 2026-11-30 (kinds the corpus lacked: a mine
            // collapse, a sentencing of several defendants, a heatwave).
            blind_mine_collapse => "mine-collapse-2026-08-19",
            blind_court_sentencing => "court-sentencing-2026-09-15",
            blind_heatwave => "heatwave-2026-07-22",
            // Written blind on 2026-11-30, second batch (a chemical leak, an
            // airliner's diversion, a chief executive's resignation): measured
            // before any change was made for them (4 of 20 planted entries found),
            // then used for generic fixes; kept with their known gaps.
            blind_chemical_leak => "chemical-leak-2026-10-08",
            blind_airliner_diversion => "airliner-diversion-2026-11-03",
            blind_ceo_resignation => "ceo-resignation-2026-09-21",
            // Written blind on 2026-11-30, third batch (an avalanche, a museum
            // theft, a marathon record), held out: measured once (5 of 20 planted
            // entries found in full, no false alarm) and kept with their gaps.
            blind_avalanche => "avalanche-2027-01-16",
            blind_museum_theft => "museum-theft-2026-12-02",
            blind_marathon_record => "marathon-record-2026-10-11",
            // Written blind on 2026-12-01, fourth batch (a tanker grounding, a
            // hospital cyberattack, a zoo escape), held out: measured once (4 of 21
            // planted entries found in full, 6 with partial finds, no false alarm),
            // then used for generic fixes (8 of 21 in full); kept with their gaps.
            blind_tanker_grounding => "tanker-grounding-oland-2026-03-10",
            blind_hospital_ransomware => "hospital-ransomware-newcastle-2026-02-12",
            blind_zoo_escape => "zoo-chimpanzee-escape-2026-06-13",
            // Written blind on 2026-12-01, fifth batch (a city blackout, a cave
            // rescue, a parliamentary vote), held out: measured once after the
            // fourth batch's fixes (7 of 21 planted entries found in full, one
            // false alarm: the fire 'brought under control' at 21:00, since fixed)
            // and kept with their gaps.
            blind_city_blackout => "cape-town-blackout-2026-11-18",
            blind_cave_rescue => "cave-rescue-2026-09-13",
            blind_parliament_vote => "nz-rural-water-bill-2026-12-09",
            // Written blind on 2026-12-01, sixth batch (a train derailment, a
            // volcanic eruption, a football transfer), held out: measured once
            // after the fifth batch's fixes (7 of 24 planted entries found in
            // full, 9 with partial finds, no false alarm), then used for
            // generic fixes (10 of 24 in full, 14 with partial finds); kept
            // with their gaps.
            blind_train_derailment => "derailment-chiusi-2026-09-15",
            blind_volcanic_eruption => "eruption-sangkara-2026-11-08",
            blind_football_transfer => "transfer-castlebridge-2026-07-16",
            // Written blind on 2026-12-01, seventh batch (a stadium crowd
            // crush, a prison escape, a drug recall), held out: measured once
            // on the session's final build (6 of 23 planted entries found in
            // full, 9 with partial finds, no false alarm), not yet used for
            // any change; kept with their gaps, undiagnosed.
            blind_crowd_crush => "crowd-crush-jakarta-2026-09-12",
            blind_prison_escape => "prison-escape-rancagua-2026-06-09",
            blind_drug_recall => "drug-recall-cambridge-2026-03-16",
            // Written blind on 2026-12-01, eighth batch (a gas explosion, an
            // art auction record, a retailer's data breach), held out:
            // measured once after the seventh batch's fixes (3 of 24 planted
            // entries found in full, 5 with partial finds, no false alarm).
            blind_gas_explosion => "gas-explosion-vauclerc-2026-11-14",
            blind_art_auction => "art-auction-record-hongkong-2026-09-29",
            blind_data_breach => "data-breach-harlow-pine-2027-02-09",
            // Written blind on 2026-12-01, ninth batch (a coach crash, a ship
            // striking a bridge, a tornado, a whale stranding), held out:
            // measured once after the eighth batch's first fixes (8 of 26
            // planted entries found in full, 2 with partial finds, one false
            // conflict: a plural possessive "Tours'" kept in an organisation's
            // name, fixed before adding them).
            blind_coach_crash => "coach-crash-simplon-2026-10-02",
            blind_bridge_strike => "ship-bridge-strike-ormo-2027-02-17",
            blind_tornado => "tornado-wrenfield-2027-05-18",
            blind_whale_stranding => "whale-stranding-strahan-2027-03-09",
            // Written blind on 2026-12-01, tenth batch (a protest march, a
            // no-confidence vote, an obituary, a crash landing), held out:
            // measured once after the ninth batch's fixes (see the commit).
            blind_protest_march => "protest-march-paris-2027-03-20",
            blind_no_confidence_vote => "no-confidence-vote-london-2027-06-16",
            blind_obituary => "obituary-pune-2027-02-07",
            blind_crash_landing => "crash-landing-broken-hill-2027-03-05",
            // Written blind on 2026-12-02, eleventh batch (a dam breach, a
            // central bank's rate decision, a migrant boat sinking, a tower
            // block fire), held out: measured once after this session's
            // fixes (see the commit).
            blind_dam_breach => "dam-breach-san-vito-di-vellano-2027-10-14",
            blind_rate_decision => "rbi-rate-cut-mumbai-2027-06-04",
            blind_migrant_boat => "migrant-boat-sinking-lampedusa-2027-08-11",
            blind_tower_fire => "apartment-tower-fire-scarborough-2027-01-16",
            // Written blind on 2026-12-02, twelfth batch (a census release,
            // a snowstorm, factory layoffs, a vaccine trial), held out:
            // measured once with the start of session 23's build.
            blind_census => "census-marovia-2027-04-27",
            blind_snowstorm => "snowstorm-brennock-2027-01-27",
            blind_layoffs => "layoffs-tillbridge-2027-05-11",
            blind_vaccine_trial => "vaccine-trial-boston-2027-06-14",
            // Written blind on 2026-12-02, thirteenth batch (a cloud
            // outage, a cyclone landfall in India, a budget speech, a
            // mountaineering accident), held out: measured once with the
            // start of session 24's build.
            blind_cloud_outage => "cloud-outage-san-jose-2027-11-16",
            blind_cyclone => "cyclone-odisha-2027-10-21",
            blind_budget_speech => "budget-speech-merrow-2028-02-23",
            blind_mountaineering => "mountaineering-accident-dhaulagiri-2028-05-02",
            // Written blind on 2026-12-03, fourteenth batch (a bootleg
            // liquor poisoning, a party leadership ballot, a river flood,
            // an armoured-truck robbery), held out: measured once with the
            // build at the start of session 26.
            blind_hooch_deaths => "hooch-deaths-kanhargarh-2028-03-14",
            blind_leadership_ballot => "party-leadership-ballot-linz-2028-06-10",
            blind_river_flood => "river-flood-strelna-2028-09-19",
            blind_armored_truck_heist => "armored-truck-heist-phoenix-2028-10-12",
            blind_stadium_roof => "stadium-roof-collapse-izmir-2029-03-18",
            blind_pharma_takeover => "pharma-takeover-basel-2029-09-10",
            blind_tram_collision => "tram-collision-melbourne-2029-06-12",
            blind_hailstorm_vineyards => "hailstorm-vineyards-mendoza-2029-02-21",
            // The sixteenth batch (a doping ban, an acting mayor, a
            // turbulence diversion, a climate summit), held out: measured
            // once with session 29's build.
            blind_doping_ban => "doping-ban-sprinter-2027-06-10",
            blind_acting_mayor => "acting-mayor-santa-aurora-2028-09-12",
            blind_turbulence_flight => "turbulence-flight-np19-2029-07-13",
            blind_climate_summit => "climate-summit-cartena-2028-11-15",
        }
    };
}

pub(crate) use every_bundle;
