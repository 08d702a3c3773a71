package io.feedbackbot.wechat;

/**
 * The external test vectors of protocols.md §1.5, each recomputed independently there (VERIFIED). One place, so
 * every test names the vector it proves.
 */
public final class WeChatVectors {

    private WeChatVectors() {
    }

    /** W1: wechatpy tests/test_utils.py::test_check_signature_should_ok. */
    public static final class W1 {
        public static final String TOKEN = "test";
        public static final String TIMESTAMP = "1410685589";
        public static final String NONCE = "test";
        public static final String SIGNATURE = "f21891de399b4e33a1a93c9a7b8a8fffb5a443ff";
        public static final String WRONG_SIGNATURE = "f21891de399b4e33a1a93c9a7b8a8fffb5a443fe";
    }

    /** W2: the official WXBizMsgCrypt sample (decrypt test). */
    public static final class W2 {
        public static final String TOKEN = "spamtest";
        public static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        public static final String AES_KEY_HEX = "69b71d79f8218a39259a7a29aabb2dbafc31cb3d35db7e39ebbf3d0010831051";
        public static final String APP_ID = "wx2c2769f8efd9abc2";
        public static final String TIMESTAMP = "1409735669";
        public static final String NONCE = "1320562132";
        public static final String MSG_SIGNATURE = "5d197aaffba7e9b25a30732f161a50dee96bd5fa";
        public static final String ENCRYPT = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";
        public static final String TO_USER = "gh_10f6c3c3ac5a";
        public static final String FROM_USER = "oyORnuP8q7ou2gfYjqLzSIWZf0rs";
        public static final long CREATE_TIME = 1409735668L;
        public static final String CONTENT = "abcdteT";
        public static final long MSG_ID = 6054768590064713728L;
        public static final int MSG_LENGTH = 280;
    }

    /** W3: WxJava WxCryptUtilTest testAesEncrypt / testAesEncrypt2. */
    public static final class W3 {
        public static final String TOKEN = "pamtest";
        public static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        public static final String APP_ID = "wxb11529c136998cb6";
        public static final String RANDOM = "aaaabbbbccccdddd";
        public static final String PLAINTEXT_1 = "我是中文abcd123";
        public static final String CIPHER_1 = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";
        public static final String PLAINTEXT_2 = "<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>";
        public static final int PLAINTEXT_2_UTF8_BYTES = 435;
        public static final String CIPHER_2 = "jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb";
    }

    /** W4: wechatpy tests/test_crypto.py (WeCom flavour: same algorithm, corp id in the appid slot). */
    public static final class W4 {
        public static final String TOKEN = "123456";
        public static final String AES_KEY = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";
        public static final String AES_KEY_HEX = "916c4f115d94103cb15a998f74a0b71787603c398ebdf297d471a71140d2d5a4";
        public static final String ID = "wx49f0ab532d5d035a";
        public static final String NONCE = "461056294";
        public static final String TIMESTAMP = "1411525903";
        public static final String RANDOM = "1234567890123456";
        public static final String PLAINTEXT = "<xml>\n"
                + "<MsgType><![CDATA[text]]></MsgType>\n"
                + "<Content><![CDATA[test]]></Content>\n"
                + "<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n"
                + "<ToUserName><![CDATA[messense]]></ToUserName>\n"
                + "<AgentID>1</AgentID>\n"
                + "<CreateTime>1411525903</CreateTime>\n"
                + "</xml>";
        public static final String ENCRYPT = "9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBYqxgNcBqGsL8GqxlhZgURnAtObvesEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qvSUCUld+/WIXrx0oyKQmpB6o8NRrrNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmNOuiR5MIkdQ39xn1vWwi1O5oazPoQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3";
        public static final String MSG_SIGNATURE = "407518b7649e86ef23978113f92d27afa9296533";
        /** The whole reply envelope wechatpy's test_encrypt_message expects. */
        public static final String ENVELOPE = "<xml>\n"
                + "<Encrypt><![CDATA[" + ENCRYPT + "]]></Encrypt>\n"
                + "<MsgSignature><![CDATA[" + MSG_SIGNATURE + "]]></MsgSignature>\n"
                + "<TimeStamp>" + TIMESTAMP + "</TimeStamp>\n"
                + "<Nonce><![CDATA[" + NONCE + "]]></Nonce>\n"
                + "</xml>";

        /** test_decrypt_message: an inbound text message. */
        public static final String DECRYPT_MSG_SIGNATURE = "74d92dfeb87ba7c714f89d98870ae5eb62dff26d";
        public static final String DECRYPT_ENCRYPT = "RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=";
        public static final String DECRYPT_BODY = "<xml><ToUserName><![CDATA[wx49f0ab532d5d035a]]></ToUserName>\n"
                + "<Encrypt><![CDATA[" + DECRYPT_ENCRYPT + "]]></Encrypt>\n"
                + "<AgentID><![CDATA[1]]></AgentID>\n"
                + "</xml>";
        public static final long DECRYPT_MSG_ID = 4363689963896700987L;

        /** test_check_signature_should_ok: WeCom URL check with an encrypted echostr. */
        public static final String ECHO_SIGNATURE = "dd6b9c95b495b3f7e2901bfbc76c664930ffdb96";
        public static final String ECHO_TIMESTAMP = "1411443780";
        public static final String ECHO_NONCE = "437374425";
        public static final String ECHO_ENCRYPTED = "4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==";
        public static final String ECHO_PLAIN = "5927782489442352469";
    }

    /** WxJava SHA1Test. */
    public static final class Sha1 {
        public static final String EXPECTED = "9f537aeb751ec72605f57f94a2f6dc3e3958e1dd";
    }
}
