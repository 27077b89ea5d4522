/**
 * Twelve SIP trunks of a mid-sized company, the same on every run: registering and IP-authenticated
 * carriers, UDP and TCP, 5060 and 5061, one offline, one SBC on the LAN. Addresses in `ips` are
 * from the documentation ranges.
 */
import type { ProviderFields } from './provider.js';
import type { PbxState } from './state.js';

type TrunkSketch = Pick<ProviderFields, 'name' | 'hostname' | 'port' | 'auth_mode' | 'protocol'> &
  Partial<ProviderFields>;

/** What a trunk of its auth mode usually has, unless the sketch says otherwise. */
function trunk(sketch: TrunkSketch): ProviderFields {
  const registers = sketch.auth_mode === 'REGISTER_AUTH';
  return {
    require_register: registers,
    password: '',
    reregister_interval: registers ? 300 : 0,
    outbound_server: '',
    outbound_server_port: sketch.port,
    auth_id: '',
    status: 'ONLINE',
    provider_in_lan: false,
    single_via_header: false,
    ips: [],
    in_parameters: [],
    out_parameters: [],
    ...sketch,
  };
}

const TRUNKS: TrunkSketch[] = [
  {
    name: 'Twilio Elastic SIP – EU',
    hostname: 'acme-eu.pstn.dublin.twilio.com',
    port: 5060,
    auth_mode: 'IP_AUTH',
    protocol: 'UDP',
    ips: ['198.51.100.64/30', '198.51.100.68/30'],
  },
  {
    name: 'sipgate trunking',
    hostname: 'sipconnect.sipgate.de',
    port: 5060,
    auth_mode: 'REGISTER_AUTH',
    protocol: 'UDP',
    auth_id: '3938271t0',
    password: 'gH7kq2LmX9pw',
    reregister_interval: 600,
  },
  {
    name: 'Telnyx – US East',
    hostname: 'sip.telnyx.com',
    port: 5060,
    auth_mode: 'REGISTER_AUTH',
    protocol: 'TCP',
    auth_id: 'acmecorp',
    password: 'Tx-4f9a81c2e7',
  },
  {
    name: 'Deutsche Telekom CompanyFlex',
    hostname: 'reg.sip-trunk.telekom.de',
    port: 5061,
    auth_mode: 'REGISTER_AUTH',
    protocol: 'TCP',
    auth_id: '+4969123456780',
    password: 'Ct9-pQ2-vR7-xL4',
    outbound_server: 'b2b.sip-trunk.telekom.de',
    out_parameters: [{ name: 'P-Preferred-Identity', value: '<sip:+4969123456780@tel.t-online.de>' }],
  },
  {
    name: 'easybell SIP-Trunk',
    hostname: 'sip.easybell.de',
    port: 5060,
    auth_mode: 'REGISTER_AUTH',
    protocol: 'UDP',
    auth_id: '49301234567',
    password: 'eb-77ad01f3',
  },
  {
    name: 'Zadarma',
    hostname: 'sip.zadarma.com',
    port: 5060,
    auth_mode: 'REGISTER_AUTH',
    protocol: 'UDP',
    auth_id: '413722-101',
    password: 'Zd8rmQw2',
    status: 'OFFLINE',
  },
  {
    name: 'Vonage SIP Trunking',
    hostname: 'sip.nexmo.com',
    port: 5060,
    auth_mode: 'IP_AUTH',
    protocol: 'UDP',
    ips: ['203.0.113.16/29'],
  },
  {
    name: 'Bandwidth – US',
    hostname: 'sbc.us.bandwidth.example',
    port: 5060,
    auth_mode: 'IP_AUTH',
    protocol: 'UDP',
    ips: ['192.0.2.10', '192.0.2.11'],
    in_parameters: [{ name: 'X-Carrier', value: 'bandwidth' }],
  },
  {
    name: 'Colt SIP Trunking',
    hostname: 'voice.colt.example',
    port: 5061,
    auth_mode: 'IP_AUTH',
    protocol: 'TCP',
    ips: ['203.0.113.128/28'],
    single_via_header: true,
  },
  {
    name: 'Plivo Zentrunk',
    hostname: '21467306465797919.zt.plivo.com',
    port: 5060,
    auth_mode: 'IP_AUTH',
    protocol: 'UDP',
    ips: ['198.51.100.200', '198.51.100.201'],
  },
  {
    name: 'BT SIP Trunk (backup)',
    hostname: 'sip.bt-trunk.example',
    port: 5060,
    auth_mode: 'REGISTER_AUTH',
    protocol: 'UDP',
    auth_id: '02071234567',
    password: 'Bt-backup-2024',
    status: 'OFFLINE',
  },
  {
    name: 'Office SBC (LAN)',
    hostname: '10.20.0.5',
    port: 5060,
    auth_mode: 'IP_AUTH',
    protocol: 'UDP',
    provider_in_lan: true,
    single_via_header: true,
    ips: ['10.20.0.5', '10.20.1.0/24'],
  },
];

export function seedPbx(state: PbxState): void {
  for (const sketch of TRUNKS) state.create(trunk(sketch));
}
