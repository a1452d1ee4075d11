// Japanese message catalog. Typed against the English one: a missing or extra
// key is a compile error.
import type { MessageKey } from './en';

export const ja: Record<MessageKey, string> = {
  'app.title': 'ChannelOps オンボーディング',
  'app.skip': 'コンテンツへスキップ',
  'nav.label': 'メイン',
  'nav.home': 'ホーム',
  'nav.customers': '顧客',
  'nav.assets': 'アセット',
  'nav.validation': '検証',
  'lang.label': '言語',
  'home.title': 'ようこそ',
  'home.intro':
    'エンドカスタマーのオンボーディングは3つのパートで行います。顧客の追加、契約の割り当て、そして AWS 管理アカウントの接続とコストと使用状況レポート (CUR) の検証です。',
  'home.connect.title': 'AWS 管理アカウントを接続',
  'home.connect.body':
    'AWS の権限を確認し、従来の CUR を設定し、CloudFormation スタックを作成して、CUR ファイルを検証します。',
  'home.connect.action': '接続',
  'customers.title': '顧客',
  'customers.empty': '顧客はまだありません。追加またはインポートした顧客が、オンボーディングの進捗とともにここに表示されます。',
  'assets.title': 'アセット',
  'assets.aws.title': 'Amazon Web Services',
  'assets.aws.empty': '接続済みの AWS アカウントはまだありません。',
  'assets.aws.connect': '新しいアカウントを接続',
  'validation.title': '検証',
  'validation.intro': 'オンボーディングの進捗を確認し、必要な対応を行います。',
  'validation.empty': '確認する項目はまだありません。',
  'status.version': 'バージョン {version}',
  'status.dataDir': 'データフォルダー: {path}',
  'status.dataDirReadOnly': 'データフォルダーに書き込めません。変更を保存できません。',
  'status.loading': '読み込み中…',
  'error.fix': '対処方法:',
};
